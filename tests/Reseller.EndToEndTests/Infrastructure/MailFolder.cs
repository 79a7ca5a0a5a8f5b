using System.Text.RegularExpressions;

using MimeKit;

using Reseller.Testing;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// Reads the .eml files the systems this test process started write into their mail folders (plain text, quoted-printable
/// or base64 bodies, decoded by MimeKit as each part declares). Every test mails addresses of its own, so reading every system's folder finds only its mails.
/// </summary>
public static partial class MailFolder
{
    /// <summary>Every mail to the address about the subject, oldest first, once there are at least <paramref name="count"/> of them.</summary>
    public static async Task<List<string>> WaitForMailsAsync(string to, string subjectContains, int count, TimeSpan timeout)
    {
        var found = await Eventually.ReadAsync(
            () => Task.FromResult(MailsTo(to).Where(text => text.Contains(subjectContains, StringComparison.Ordinal)).ToList()),
            mails => mails.Count >= count,
            timeout);
        Assert.True(found.Count >= count, $"Fewer than {count} mails to {to} about '{subjectContains}' within {timeout}.");
        return found;
    }

    public static async Task<string> WaitForMailAsync(string to, string subjectContains, TimeSpan timeout) =>
        (await WaitForMailsAsync(to, subjectContains, 1, timeout))[0];

    /// <summary>A mail as a test reads it field by field: its recipients, its subject and its decoded text body.</summary>
    public sealed record Mail(string To, string Subject, string Text);

    /// <summary>The decoded mails to one recipient, oldest first within each system.</summary>
    public static IReadOnlyList<string> MailsTo(string to) =>
        ResellerSystem.Started
            .SelectMany(system => Files(system.MailDirectory))
            .Select(Read)
            .Where(text => ToHeader().Match(text) is { Success: true } header && header.Value.Contains(to, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public static string TokenFrom(string mail) => TokenPattern().Match(mail) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No token link in the mail:\n" + mail);

    /// <summary>The mails in one system's mail folder, oldest first, field by field.</summary>
    public static IReadOnlyList<Mail> In(string directory) =>
        [.. Files(directory).Select(file =>
        {
            using var message = MimeMessage.Load(file);
            return new Mail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? "");
        })];

    /// <summary>
    /// The mail's headers and its decoded text and HTML bodies, read by the library that wrote it. A plain-text body is
    /// never decoded as quoted-printable: that turned a link's "token=3Dab…" into "token=ab…", a token two characters short.
    /// </summary>
    public static string Read(string file)
    {
        using var message = MimeMessage.Load(file);
        var headers = string.Join("\n", message.Headers.Select(h => $"{h.Field}: {h.Value}"));
        return $"{headers}\n\n{message.TextBody}\n{message.HtmlBody}";
    }

    private static IEnumerable<string> Files(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal) : [];

    [GeneratedRegex(@"^To:.*$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();

    [GeneratedRegex(@"token=([A-Za-z0-9_\-]{20,})")]
    private static partial Regex TokenPattern();
}
