namespace Reseller.ServiceDefaults.Mail;

/// <summary>Bound from Mail: an SMTP server when Mail:Smtp:Host is set, otherwise .eml files under Mail:Directory.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "Reseller <no-reply@reseller.dev>";
    public string Directory { get; set; } = Path.Combine(".data", "mail");
    public SmtpOptions Smtp { get; set; } = new();
}
