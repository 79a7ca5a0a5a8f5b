using System.Reflection;

using Reseller.AppHost;
using Reseller.EndToEndTests.Infrastructure;

namespace Reseller.EndToEndTests.Flows.Partners;

/// <summary>The mails the end-to-end system writes under .data/test-e2e/mail.</summary>
public static class Mailbox
{
    public static async Task<string> WaitForMailAsync(string to, string subjectContains, TimeSpan timeout) =>
        (await WaitForMailsAsync(to, subjectContains, 1, timeout))[0];

    /// <summary>Every mail to the address about the subject, once there are at least <paramref name="count"/> of them.</summary>
    public static Task<List<string>> WaitForMailsAsync(string to, string subjectContains, int count, TimeSpan timeout) =>
        MailFolder.WaitForMailsAsync(Directory(), to, subjectContains, count, timeout);

    public static string TokenFrom(string mail) => MailFolder.TokenFrom(mail);

    private static string Directory() => Path.Combine(RepositoryRoot(), ".data", "test-e2e", "mail");

    private static string RepositoryRoot() =>
        typeof(DistributedApplication).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
}
