using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.WebTests.Infrastructure;

/// <summary>The mails this system writes into its own mail folder.</summary>
public static class WebMailbox
{
    /// <summary>Every mail to the address about the subject, once there are at least <paramref name="count"/> of them.</summary>
    public static Task<List<string>> WaitForMailsAsync(string to, string subjectContains, int count, TimeSpan timeout) =>
        MailFolder.WaitForMailsAsync(RepositoryPaths.Mail, to, subjectContains, count, timeout);

    public static string TokenFrom(string mail) => MailFolder.TokenFrom(mail);
}
