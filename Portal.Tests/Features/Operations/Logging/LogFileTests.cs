using System.Net;
using Portal.Data;
using Portal.Features.Operations.Logging;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Logging;

/// <summary>The daily log files in the data folder: one logger per portal host, and nothing secret in them.</summary>
public sealed class LogFileTests
{
    private const string Nik = "6401234509870001";
    private const string TypedPassword = "Sandi-Rahasia-Uji-7781!";

    [Fact]
    public async Task A_sign_in_with_a_password_and_a_NIK_is_logged_as_a_request_without_either()
    {
        var data = PortalAppFactory.NewDataDirectory();
        try
        {
            string cookie;
            string antiforgery;
            await using (var app = new PortalAppFactory(dataDirectory: data))
            {
                using var client = app.NewClient();
                // Someone types their NIK where the NIP belongs, with a password; then a real sign-in.
                var refused = await client.SignInAsync(Nik, TypedPassword);
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                var signedIn = await client.SignInAsync(DemoPeople.FungsionalPdip);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                cookie = CookieValue(signedIn, "portal-inovasi");
                antiforgery = (await client.GetStringAsync("/akun/masuk")).Split("name=\"__RequestVerificationToken\" value=\"")[1].Split('"')[0];
            }

            var log = ReadLogs(data);
            Assert.Contains("HTTP POST /akun/masuk responded 200", log);
            Assert.Contains("HTTP POST /akun/masuk responded 302", log);
            foreach (var secret in new[] { Nik, TypedPassword, DemoData.Password, cookie, antiforgery })
                Assert.DoesNotContain(secret, log);
        }
        finally
        {
            DeleteQuietly(data);
        }
    }

    [Fact]
    public async Task Two_portals_in_one_process_each_write_their_own_files()
    {
        var (firstData, secondData) = (PortalAppFactory.NewDataDirectory(), PortalAppFactory.NewDataDirectory());
        var (firstPath, secondPath) = ($"/tidak-ada-{Guid.NewGuid():N}", $"/tidak-ada-{Guid.NewGuid():N}");
        try
        {
            await using (var first = new PortalAppFactory(dataDirectory: firstData))
            await using (var second = new PortalAppFactory(dataDirectory: secondData))
            {
                await first.NewClient().GetAsync(firstPath);
                await second.NewClient().GetAsync(secondPath);
            }

            var (firstLog, secondLog) = (ReadLogs(firstData), ReadLogs(secondData));
            Assert.Contains($"HTTP GET {firstPath} responded", firstLog);
            Assert.DoesNotContain(secondPath, firstLog);
            Assert.Contains($"HTTP GET {secondPath} responded", secondLog);
            Assert.DoesNotContain(firstPath, secondLog);
        }
        finally
        {
            DeleteQuietly(firstData);
            DeleteQuietly(secondData);
        }
    }

    private static string ReadLogs(string dataDirectory)
    {
        var files = Directory.GetFiles(Path.Combine(dataDirectory, LogFileOptions.FolderName), "portal-*.log");
        Assert.NotEmpty(files);
        return string.Join("\n", files.Select(File.ReadAllText));
    }

    private static string CookieValue(HttpResponseMessage response, string name)
    {
        var header = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "="));
        return header[(name.Length + 1)..].Split(';')[0];
    }

    private static void DeleteQuietly(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread; the temp folder is cleaned by the OS.
        }
    }
}
