using System.Text;
using System.Text.RegularExpressions;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>Reads the .eml files a test system writes into its mail folder (plain text, quoted-printable or base64 bodies).</summary>
public static partial class MailFolder
{
    /// <summary>Every mail to the address about the subject, oldest first, once there are at least <paramref name="count"/> of them.</summary>
    public static async Task<List<string>> WaitForMailsAsync(string directory, string to, string subjectContains, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = new List<string>();
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal))
                {
                    var text = Decode(await File.ReadAllTextAsync(file));
                    if (text.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase) && text.Contains(subjectContains, StringComparison.Ordinal))
                    {
                        found.Add(text);
                    }
                }
            }
            if (found.Count >= count)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} mails to {to} about '{subjectContains}' within {timeout}.");
            await Task.Delay(200);
        }
    }

    public static string TokenFrom(string mail) => TokenPattern().Match(mail) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No token link in the mail:\n" + mail);

    private static string Decode(string eml)
    {
        if (eml.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            var body = eml[(eml.IndexOf("\r\n\r\n", eml.IndexOf("Content-Transfer-Encoding", StringComparison.Ordinal), StringComparison.Ordinal) + 4)..];
            var base64 = string.Concat(body.Split('\n').Select(l => l.Trim()).TakeWhile(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)));
            return eml + "\n" + Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        return eml.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"token=([A-Za-z0-9_\-]{20,})")]
    private static partial Regex TokenPattern();
}
