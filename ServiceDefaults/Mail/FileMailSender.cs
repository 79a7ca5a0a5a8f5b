using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reseller.ServiceDefaults.Mail;

/// <summary>
/// Writes each mail as an .eml file (one per mail, named by time so a listing reads in order), for development and tests:
/// a developer opens them in any mail client, a test reads the link a mail carries.
/// </summary>
public sealed class FileMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<FileMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var directory = Path.GetFullPath(options.Value.Directory);
        Directory.CreateDirectory(directory);
        var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(directory, name);
        using var message = MimeMails.Create(mail, options.Value.From);
        await message.WriteToAsync(path + ".tmp", cancellationToken);
        File.Move(path + ".tmp", path);
        logger.LogInformation("Mail {MailFile} written", name);
    }
}
