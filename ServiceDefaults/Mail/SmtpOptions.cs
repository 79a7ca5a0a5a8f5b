using MailKit.Security;

namespace Reseller.ServiceDefaults.Mail;

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>STARTTLS is required (a server that does not offer it is refused) unless this is set to false.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Mandatory STARTTLS, never "when available": a downgrade would send mail and password in clear text.</summary>
    public SecureSocketOptions Security => UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
