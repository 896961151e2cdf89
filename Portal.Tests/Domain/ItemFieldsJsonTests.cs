using Portal.Domain;

namespace Portal.Tests.Domain;

public sealed class ItemFieldsJsonTests
{
    private static readonly ItemFieldDefinition[] EveryType =
    [
        new("nomor_surat", "Nomor surat", ItemFieldType.Text, Required: true, Help: "Seperti tertulis di kop surat pemohon."),
        new("uraian", "Uraian permohonan", ItemFieldType.LongText),
        new("tanggal_surat", "Tanggal surat", ItemFieldType.Date, Required: true),
        new("jumlah_berkas", "Jumlah berkas", ItemFieldType.Number),
        new("biaya", "Biaya", ItemFieldType.Rupiah),
        new("jenis", "Jenis permohonan", ItemFieldType.Choice, Required: true, Options: ["Baru", "Perpanjangan"]),
        new("petugas", "Petugas loket", ItemFieldType.Person),
        new("surat", "Surat permohonan", ItemFieldType.File, Required: true),
    ];

    [Fact]
    public void Definitions_of_every_type_survive_a_round_trip()
    {
        var json = ItemFieldsJson.SerializeDefinitions(EveryType);

        var back = ItemFieldsJson.ParseDefinitions(json);

        Assert.Equal(EveryType.Length, back.Count);
        for (var i = 0; i < EveryType.Length; i++)
        {
            Assert.Equal(EveryType[i] with { Options = [] }, back[i] with { Options = [] });
            Assert.Equal(EveryType[i].Options, back[i].Options);
        }
    }

    [Fact]
    public void Definitions_written_by_hand_read_with_camel_case_types_and_optional_parts_left_out()
    {
        const string json = """
            [
              { "key": "jenis", "label": "Jenis permohonan", "type": "choice", "required": true, "options": ["Baru", "Perpanjangan"] },
              { "key": "uraian", "label": "Uraian", "type": "longText" }
            ]
            """;

        var fields = ItemFieldsJson.ParseDefinitions(json);

        Assert.Equal((ItemFieldType.Choice, true, 2), (fields[0].Type, fields[0].Required, fields[0].Options.Count));
        Assert.Equal((ItemFieldType.LongText, false, 0, (string?)null), (fields[1].Type, fields[1].Required, fields[1].Options.Count, fields[1].Help));
        Assert.Contains("\"type\":\"longText\"", ItemFieldsJson.SerializeDefinitions(fields));
    }

    [Theory]
    [InlineData("""[{ "key": "a", "label": "A", "type": "warna" }]""", "Definisi isian SOP tidak dapat dibaca")]
    [InlineData("""[{ "key": "a", "label": "A", "type": 3 }]""", "Definisi isian SOP tidak dapat dibaca")]
    [InlineData("""[{ "label": "A", "type": "text" }]""", "Definisi isian SOP tidak lengkap")]
    [InlineData("""[{ "key": "a", "label": "A", "type": "choice" }]""", "isian \"A\": pilihan wajib diisi")]
    [InlineData("{ nope", "Definisi isian SOP tidak dapat dibaca")]
    public void Broken_definitions_are_refused_in_words(string json, string message)
    {
        var refused = Assert.Throws<InvalidDataException>(() => ItemFieldsJson.ParseDefinitions(json));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void No_definitions_read_as_none()
    {
        Assert.Empty(ItemFieldsJson.ParseDefinitions(null));
        Assert.Empty(ItemFieldsJson.ParseDefinitions("  "));
    }

    [Fact]
    public void Values_survive_a_round_trip_and_none_are_stored_as_null()
    {
        var values = new Dictionary<string, string> { ["biaya"] = "1500000", ["uraian"] = "Baris \"satu\"\nbaris dua", ["tanggal_surat"] = "2026-12-01" };

        var json = ItemFieldsJson.SerializeValues(values);

        Assert.Equal(values, ItemFieldsJson.ParseValues(json));
        Assert.Null(ItemFieldsJson.SerializeValues(new Dictionary<string, string>()));
        Assert.Empty(ItemFieldsJson.ParseValues(null));
    }
}
