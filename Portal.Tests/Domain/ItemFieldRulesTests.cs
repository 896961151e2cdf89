using Portal.Domain;

namespace Portal.Tests.Domain;

/// <summary>The rules of each field type: what a person may type, how it is stored, and what they are told otherwise.</summary>
public sealed class ItemFieldRulesTests
{
    private const string ActiveId = "user-aktif";
    private static readonly Guid KnownFile = Guid.Parse("5b7e0c8e-3f43-4a5e-9d7a-0f1f3b7c2a11");

    private static readonly ItemFieldContext Context = new(new HashSet<string> { ActiveId }, new HashSet<Guid> { KnownFile });

    private static ItemFieldDefinition Field(ItemFieldType type, bool required = false, params string[] options) =>
        new("isian", "Isian uji", type, required, options);

    public static TheoryData<ItemFieldType, string, string> Accepted => new()
    {
        { ItemFieldType.Text, "  Surat permohonan  ", "Surat permohonan" },
        { ItemFieldType.LongText, "Baris satu\nBaris dua", "Baris satu\nBaris dua" },
        { ItemFieldType.Date, "31/12/2026", "2026-12-31" },
        { ItemFieldType.Date, "1/2/2026", "2026-02-01" },
        { ItemFieldType.Date, "2026-12-31", "2026-12-31" },
        { ItemFieldType.Number, "12,5", "12.5" },
        { ItemFieldType.Number, "1.250", "1250" },
        { ItemFieldType.Number, "-3", "-3" },
        { ItemFieldType.Number, "1.250.000,75", "1250000.75" },
        { ItemFieldType.Rupiah, "1.500.000", "1500000" },
        { ItemFieldType.Rupiah, "Rp 1.500.000", "1500000" },
        { ItemFieldType.Rupiah, "Rp1.500.000", "1500000" },
        { ItemFieldType.Rupiah, "rp. 1.500.000,-", "1500000" },
        { ItemFieldType.Rupiah, "Rp 1.500.000,00", "1500000" },
        { ItemFieldType.Rupiah, "1500000", "1500000" },
        { ItemFieldType.Rupiah, "0", "0" },
        { ItemFieldType.Person, ActiveId, ActiveId },
        { ItemFieldType.File, "5B7E0C8E-3F43-4A5E-9D7A-0F1F3B7C2A11", "5b7e0c8e-3f43-4a5e-9d7a-0f1f3b7c2a11" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_value_as_a_person_types_it_is_stored_in_one_plain_form(ItemFieldType type, string input, string stored)
    {
        var field = Field(type);

        var check = ItemFieldRules.Check([field], new Dictionary<string, string?> { ["isian"] = input }, Context);

        Assert.True(check.IsValid, string.Join(" ", check.Problems.Values));
        Assert.Equal(stored, check.Values["isian"]);
    }

    public static TheoryData<ItemFieldType, string, string> Refused => new()
    {
        { ItemFieldType.Text, new string('a', 201), "Isian uji paling banyak 200 karakter (sekarang 201)." },
        { ItemFieldType.LongText, new string('a', 4001), "Isian uji paling banyak 4000 karakter (sekarang 4001)." },
        { ItemFieldType.Date, "31/02/2026", "Isian uji harus berupa tanggal, mis. 31/12/2026." },
        { ItemFieldType.Date, "besok", "Isian uji harus berupa tanggal, mis. 31/12/2026." },
        { ItemFieldType.Date, "01/01/1850", "Isian uji di luar rentang tanggal yang wajar (tahun 1900–2100)." },
        { ItemFieldType.Number, "dua belas", "Isian uji harus berupa angka, mis. 1.250 atau 12,5." },
        // A decimal point is not Indonesian: refused rather than silently read as 125.
        { ItemFieldType.Number, "12.5", "Isian uji harus berupa angka, mis. 1.250 atau 12,5." },
        { ItemFieldType.Rupiah, "-1.500.000", "Isian uji tidak boleh negatif." },
        { ItemFieldType.Rupiah, "Rp -500", "Isian uji tidak boleh negatif." },
        { ItemFieldType.Rupiah, "1.500.000,50", "Isian uji harus jumlah rupiah bulat, tanpa sen." },
        { ItemFieldType.Rupiah, "1,5 juta", "Isian uji harus berupa jumlah rupiah, mis. 1.500.000 atau Rp 1.500.000." },
        { ItemFieldType.Rupiah, "1.50.000", "Isian uji harus berupa jumlah rupiah, mis. 1.500.000 atau Rp 1.500.000." },
        { ItemFieldType.Rupiah, "1.000.000.000.000.000", "Isian uji terlalu besar." },
        { ItemFieldType.Person, "user-nonaktif", "Isian uji: pilih pegawai yang masih aktif." },
        { ItemFieldType.File, Guid.Empty.ToString(), "Isian uji: lampiran tidak ditemukan; unggah berkasnya lagi." },
        { ItemFieldType.File, "../../etc/passwd", "Isian uji: lampiran tidak ditemukan; unggah berkasnya lagi." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_bad_value_is_refused_with_an_Indonesian_message_and_not_stored(ItemFieldType type, string input, string message)
    {
        var check = ItemFieldRules.Check([Field(type)], new Dictionary<string, string?> { ["isian"] = input }, Context);

        Assert.Equal(message, check.Problems["isian"]);
        Assert.Empty(check.Values);
    }

    [Fact]
    public void A_choice_must_be_one_of_its_options_and_is_stored_as_the_option_is_written()
    {
        var field = Field(ItemFieldType.Choice, false, "Baru", "Perpanjangan", "Perubahan data");

        Assert.Equal("Isian uji harus salah satu dari: Baru, Perpanjangan, Perubahan data.", ItemFieldRules.Problem(field, "Hilang", Context));
        var check = ItemFieldRules.Check([field], new Dictionary<string, string?> { ["isian"] = "perpanjangan" }, Context);
        Assert.Equal("Perpanjangan", check.Values["isian"]);
    }

    public static TheoryData<ItemFieldType, string> RequiredMessages => new()
    {
        { ItemFieldType.Text, "Isian uji wajib diisi." },
        { ItemFieldType.LongText, "Isian uji wajib diisi." },
        { ItemFieldType.Date, "Isian uji wajib diisi." },
        { ItemFieldType.Number, "Isian uji wajib diisi." },
        { ItemFieldType.Rupiah, "Isian uji wajib diisi." },
        { ItemFieldType.Choice, "Isian uji wajib dipilih." },
        { ItemFieldType.Person, "Isian uji wajib dipilih." },
        { ItemFieldType.File, "Isian uji wajib dilampirkan." },
    };

    [Theory]
    [MemberData(nameof(RequiredMessages))]
    public void A_required_field_left_empty_says_what_is_missing_and_an_optional_one_is_simply_absent(ItemFieldType type, string message)
    {
        foreach (var blank in new string?[] { null, "", "   " })
        {
            var required = ItemFieldRules.Check([Field(type, true, "A")], new Dictionary<string, string?> { ["isian"] = blank }, Context);
            Assert.Equal(message, required.Problems["isian"]);

            var optional = ItemFieldRules.Check([Field(type, false, "A")], new Dictionary<string, string?> { ["isian"] = blank }, Context);
            Assert.True(optional.IsValid);
            Assert.Empty(optional.Values);
        }
    }

    [Fact]
    public void Every_field_is_checked_at_once_and_keys_the_SOP_does_not_define_are_dropped()
    {
        ItemFieldDefinition[] fields =
        [
            new("nomor", "Nomor surat", ItemFieldType.Text, Required: true),
            new("biaya", "Biaya", ItemFieldType.Rupiah),
            new("tanggal", "Tanggal surat", ItemFieldType.Date, Required: true),
        ];
        var inputs = new Dictionary<string, string?> { ["nomor"] = "470/12/2026", ["biaya"] = "sejuta", ["lain"] = "disusupkan" };

        var check = ItemFieldRules.Check(fields, inputs, Context);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["biaya"] = "Biaya harus berupa jumlah rupiah, mis. 1.500.000 atau Rp 1.500.000.",
                ["tanggal"] = "Tanggal surat wajib diisi.",
            },
            check.Problems);
        Assert.Equal(new Dictionary<string, string> { ["nomor"] = "470/12/2026" }, check.Values);
    }

    [Theory]
    [InlineData(ItemFieldType.Rupiah, "1500000", "1.500.000")]
    [InlineData(ItemFieldType.Number, "1250000.75", "1250000,75")]
    [InlineData(ItemFieldType.Date, "2026-12-01", "01/12/2026")]
    [InlineData(ItemFieldType.Text, "Apa adanya", "Apa adanya")]
    public void A_stored_value_goes_back_into_a_form_as_typed_and_reads_the_same_again(ItemFieldType type, string stored, string input)
    {
        var field = Field(type);

        Assert.Equal(input, ItemFieldRules.ToInput(field, stored));
        Assert.Equal(stored, ItemFieldRules.Check([field], new Dictionary<string, string?> { ["isian"] = input }, Context).Values["isian"]);
    }

    [Theory]
    [InlineData(ItemFieldType.Rupiah, "1500000", "Rp 1.500.000")]
    [InlineData(ItemFieldType.Rupiah, "0", "Rp 0")]
    [InlineData(ItemFieldType.Number, "1250000.75", "1.250.000,75")]
    [InlineData(ItemFieldType.Date, "2026-12-01", "1 Desember 2026")]
    [InlineData(ItemFieldType.Date, "2026-08-17", "17 Agustus 2026")]
    [InlineData(ItemFieldType.Person, ActiveId, "Siti Aminah, S.Kom.")]
    [InlineData(ItemFieldType.Person, "hilang", "(pegawai tidak dikenal)")]
    [InlineData(ItemFieldType.File, "5b7e0c8e-3f43-4a5e-9d7a-0f1f3b7c2a11", "Surat pengantar.pdf")]
    [InlineData(ItemFieldType.Text, "", "—")]
    public void A_stored_value_reads_in_Indonesian(ItemFieldType type, string stored, string shown)
    {
        var names = new ItemFieldNames(
            new Dictionary<string, string> { [ActiveId] = "Siti Aminah, S.Kom." },
            new Dictionary<Guid, string> { [KnownFile] = "Surat pengantar.pdf" });

        Assert.Equal(shown, ItemFieldText.Display(Field(type), stored, names));
    }

    [Fact]
    public void Definitions_with_bad_keys_missing_labels_empty_choices_or_repeated_keys_are_named()
    {
        ItemFieldDefinition[] fields =
        [
            new("Nomor Surat", "Nomor surat", ItemFieldType.Text),
            new("jenis", "", ItemFieldType.Choice),
            new("jenis", "Jenis lagi", ItemFieldType.Choice, Options: ["A", "a"]),
            new("oke", "Baik", ItemFieldType.Rupiah),
        ];

        Assert.Equal(
        [
            "isian \"Nomor surat\": kunci harus huruf kecil, angka atau garis bawah, diawali huruf, paling banyak 40 karakter",
            "isian \"jenis\": label wajib diisi",
            "isian \"jenis\": pilihan wajib diisi",
            "isian \"Jenis lagi\": pilihan ganda",
            "kunci isian \"jenis\" dipakai lebih dari sekali",
        ], ItemFieldRules.DefinitionProblems(fields));
    }
}
