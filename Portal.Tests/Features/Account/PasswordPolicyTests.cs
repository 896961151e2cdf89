using Portal.Data;
using Portal.Features.Account;

namespace Portal.Tests.Features.Account;

/// <summary>
/// The password rules of NIST SP 800-63B as the portal applies them, for a person with Maya Sari's NIP
/// (born 14 June 1991, appointed August 2017). Whether the pages show these messages is tested over HTTP.
/// </summary>
public sealed class PasswordPolicyTests
{
    private const string Nip = "199106142017082002";
    private const string Name = "Maya Sari, S.H.";

    private const string Common = "Kata sandi ini termasuk yang paling sering dipakai orang sehingga mudah ditebak. Pilih yang lain, misalnya tiga atau empat kata acak.";
    private const string Sequence = "Kata sandi ini hanya urutan atau pengulangan karakter (seperti 1234567890, abcdefghij, qwertyuiop atau aaaaaaaaaa). Pilih yang lain.";
    private const string FromNip = "Kata sandi tidak boleh memuat NIP atau tanggal lahir Anda.";
    private const string FromName = "Kata sandi tidak boleh dibentuk dari nama Anda.";

    private static readonly CommonPasswords CommonList = new();
    private static readonly PasswordPolicy Policy = new(CommonList);

    private static string[] Problems(string password) => Policy.Problems(password, Nip, Name).ToArray();

    [Fact]
    public void The_bundled_list_holds_the_thirty_thousand_most_common_passwords()
    {
        Assert.InRange(CommonList.Count, 29_000, 30_000);
        foreach (var password in new[] { "123456", "password", "qwerty", "iloveyou", "sunshine", "princess" })
            Assert.True(CommonList.Contains(password), password);
    }

    [Theory]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("qwerty123456")]
    [InlineData("iloveyou2026")]       // a common password with a year after it
    [InlineData("Sunshine!!!!")]
    [InlineData("P@ssw0rd2024")]       // look-alike digits and symbols read as letters
    [InlineData("pr1nc3ss123!")]
    public void Common_passwords_are_refused_even_when_decorated(string password) =>
        Assert.Equal([Common], Problems(password));

    [Theory]
    [InlineData("abcdefghij")]
    [InlineData("ABCDEFGHIJKL")]
    [InlineData("zyxwvutsrqpo")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("0000000000000")]
    [InlineData("abcabcabcabc")]
    [InlineData("aaaaa11111")]
    [InlineData("zxcvbnmasdfghpoiu")]  // runs along three keyboard rows
    [InlineData("abcdef987654")]
    [InlineData("kopikopikopi")]
    public void Sequences_and_repetitions_are_refused(string password) =>
        Assert.Equal([Sequence], Problems(password));

    [Theory]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("0987654321")]
    public void The_usual_keyboard_walks_are_refused_one_way_or_the_other(string password)
    {
        var problem = Assert.Single(Problems(password));
        Assert.Contains(problem, new[] { Common, Sequence });
    }

    [Theory]
    [InlineData("199106142017082002")] // the NIP itself
    [InlineData("sepeda 199106 biru")] // birth year and month
    [InlineData("kopi14061991susu")]   // birth date as people write it
    [InlineData("kopi 140691 susu")]
    [InlineData("susu 2017082002")]    // the tail of the NIP
    [InlineData("sepeda 601991 biru")] // a piece of the NIP backwards
    public void Passwords_made_from_the_NIP_or_birth_date_are_refused(string password) =>
        Assert.Equal([FromNip], Problems(password));

    [Theory]
    [InlineData("mayasari2024")]
    [InlineData("Sari.Maya!!!")]
    [InlineData("maya sari suka kopi")] // the whole name inside a phrase
    [InlineData("m4y4-s4r1-123")]
    public void Passwords_made_from_the_name_are_refused(string password) =>
        Assert.Contains(FromName, Problems(password));

    [Theory]
    [InlineData("kopi susu pagi hari")]
    [InlineData("sandi baru yang panjang")]
    [InlineData("Maya suka bersepeda ke kantor")] // a first name alone among other words is fine
    [InlineData("tanjung-grogot-2026")]
    [InlineData("correct horse battery staple")]
    [InlineData("7hK2mPq9xRtW")]
    public void Ordinary_phrases_and_random_passwords_are_accepted(string password) =>
        Assert.Empty(Problems(password));

    [Fact]
    public void The_demo_password_is_accepted_for_every_demo_person() =>
        Assert.All(DemoData.People, person => Assert.Empty(Policy.Problems(DemoData.Password, person.Nip, person.FullName)));

    [Fact]
    public void One_time_passwords_from_the_administrator_pass_the_policy() =>
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Empty(Problems(OneTimePassword.New())));
}
