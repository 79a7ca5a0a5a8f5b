using MimeKit;

namespace Reseller.EndToEndTests.Flows.Billing;

/// <summary>
/// Reads the .eml files the system writes under its data directory: the To and Subject headers and the text body, decoded
/// by MimeKit (the library that wrote them) as each mail declares.
/// </summary>
public static class BillingMailbox
{
    public sealed record Mail(string To, string Subject, string Text);

    public static IReadOnlyList<Mail> Read(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(Parse).ToList() : [];

    private static Mail Parse(string path)
    {
        using var message = MimeMessage.Load(path);
        return new Mail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? "");
    }
}
