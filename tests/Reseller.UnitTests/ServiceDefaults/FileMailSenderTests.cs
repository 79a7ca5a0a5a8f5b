using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using MimeKit;

using Reseller.ServiceDefaults.Mail;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class FileMailSenderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_mail_without_smtp_is_written_as_an_eml_file_a_mail_client_can_read()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero));
        var sender = new FileMailSender(Options.Create(new MailOptions { Directory = directory }), clock, NullLogger<FileMailSender>.Instance);

        await sender.SendAsync(new OutgoingMail("billing@agency.test", "Payment failed", "Invoice RSL-2026-000001 was declined.", "<p>declined</p>"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(directory, "*.eml"));
        Assert.StartsWith("20261125T083000000-", Path.GetFileName(file), StringComparison.Ordinal);
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("billing@agency.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Payment failed", message.Subject);
        Assert.Contains("RSL-2026-000001", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("<p>declined</p>", message.HtmlBody);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
