using System.Text.RegularExpressions;

using Reseller.EndToEndTests.Infrastructure;
using Reseller.Testing;

namespace Reseller.EndToEndTests.Flows.Secrets;

/// <summary>Every one-time token in the links of the mails sent to an address (a link's <c>token=</c> or its last segment).</summary>
public static partial class MailedSecrets
{
    public static async Task<IReadOnlyList<string>> TokensToAsync(string to)
    {
        var mails = await MailFolder.WaitForMailsAsync(to, "", 1, Eventually.Propagation);
        return mails.SelectMany(m => Link().Matches(m)).Select(m => m.Groups["token"].Value)
            .Where(t => t.Length >= 20 && !PublicId().IsMatch(t)).Distinct().ToList();
    }

    [GeneratedRegex(@"https?://[^\s""'<>]*?(?:token=|/)(?<token>[A-Za-z0-9_\-]{20,})(?=[\s""'<>&]|$)")]
    private static partial Regex Link();

    /// <summary>Ids in links (<c>inv_0192…</c>) are not secrets.</summary>
    [GeneratedRegex("^[a-z]{2,5}_[0-9a-f]{20,}$")]
    private static partial Regex PublicId();
}
