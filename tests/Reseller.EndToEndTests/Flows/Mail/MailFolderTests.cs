using MimeKit;
using MimeKit.Text;

using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Mail;

/// <summary>
/// The mail reader every test takes its links from reads a link's token whole, whatever its first characters and however
/// the mail is encoded. A token starting "3D" (one in 4,096) lost those two characters when plain text was decoded as
/// quoted-printable, and the test using it failed on a link that never existed.
/// </summary>
public sealed class MailFolderTests : IDisposable
{
    private const string Token = "3DqZ8x-_4y0AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    private readonly string directory = Directory.CreateTempSubdirectory("mail-folder-").FullName;

    [Theory]
    [InlineData(ContentEncoding.Default)]
    [InlineData(ContentEncoding.SevenBit)]
    [InlineData(ContentEncoding.QuotedPrintable)]
    [InlineData(ContentEncoding.Base64)]
    public void A_token_is_read_whole_from_a_plain_quoted_printable_or_base64_mail(ContentEncoding encoding)
    {
        var file = Write(encoding, $"Hello,\n\nOpen this link within 7 days to choose your password:\nhttp://127.0.0.1:20957/account/invitations/accept?token={Token}\n\nThank you.\n");

        var mail = MailFolder.Read(file);

        Assert.Equal(Token, MailFolder.TokenFrom(mail));
        Assert.Contains("To: bob@client.test", mail, StringComparison.Ordinal);
        Assert.Contains("Subject: You are invited to Client Co", mail, StringComparison.Ordinal);
    }

    private string Write(ContentEncoding encoding, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("noreply@reseller.test"));
        message.To.Add(MailboxAddress.Parse("bob@client.test"));
        message.Subject = "You are invited to Client Co";
        message.Body = new TextPart(TextFormat.Plain) { Text = text, ContentTransferEncoding = encoding };
        var file = Path.Combine(directory, $"{Guid.NewGuid():N}.eml");
        message.WriteTo(file);
        return file;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
