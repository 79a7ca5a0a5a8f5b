using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// Reads the .eml files the system writes under its data directory: unfolded To and Subject headers and the text body,
/// quoted-printable decoded. Enough for the plain ASCII notices Billing sends, without a MIME package in this project.
/// </summary>
public static partial class BillingMailbox
{
    public sealed record Mail(string To, string Subject, string Text);

    public static IReadOnlyList<Mail> Read(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(Parse).ToList() : [];

    private static Mail Parse(string path)
    {
        var raw = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = FoldedLine().Replace(raw[..split], " ");
        var body = raw[(split + 2)..];
        string Header(string name) => headers.Split('\n').FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
        if (Header("Content-Transfer-Encoding").Equals("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = QuotedByte().Replace(body.Replace("=\n", "", StringComparison.Ordinal),
                m => ((char)byte.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        }
        else if (Header("Content-Transfer-Encoding").Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)));
        }
        return new Mail(Header("To"), Header("Subject"), body);
    }

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedByte();
}
