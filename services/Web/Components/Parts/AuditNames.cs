using System.Globalization;

using Microsoft.Extensions.Localization;

using Reseller.Web.Localization;
using Reseller.Web.Session;

namespace Reseller.Web.Components.Parts;

/// <summary>An audit entry's action and actor in words: the API records codes (<c>account.status_changed</c>, <c>partner_user:…</c>).</summary>
public static class AuditNames
{
    /// <summary>A code the dashboard does not know yet still reads as words: "login_link.created" → "Login link created".</summary>
    public static string Action(IStringLocalizer<Texts> texts, string code)
    {
        if (texts[$"Audit.Action.{code}"] is { ResourceNotFound: false } known)
        {
            return known.Value;
        }
        var words = code.Replace('.', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? code : char.ToUpper(words[0], CultureInfo.CurrentCulture) + words[1..];
    }

    /// <summary>
    /// Who acted: the signed-in partner user is "You", another of the agency's users by e-mail when <paramref name="partnerUsers"/>
    /// (internal id → e-mail) knows them, else the kind of caller. A log-in-as session names the partner user behind it.
    /// </summary>
    public static string Actor(IStringLocalizer<Texts> texts, string actor, string? myEmail, IReadOnlyDictionary<Guid, string> partnerUsers)
    {
        const string LoggedInAs = " (as ";
        if (actor.IndexOf(LoggedInAs, StringComparison.Ordinal) is var at and >= 0 && actor.EndsWith(')'))
        {
            return texts["Audit.Actor.LoggedIn", Actor(texts, actor[(at + LoggedInAs.Length)..^1], myEmail, partnerUsers)];
        }
        var (kind, subject) = actor.IndexOf(':') is var colon and >= 0 ? (actor[..colon], actor[(colon + 1)..]) : (actor, "");
        if (kind == SessionClaims.PartnerKind && Guid.TryParse(subject, out var userId) && partnerUsers.TryGetValue(userId, out var email))
        {
            return string.Equals(email, myEmail, StringComparison.OrdinalIgnoreCase) ? texts["Audit.Actor.You"] : email;
        }
        return texts[$"Audit.Actor.{kind}"] is { ResourceNotFound: false } known ? known.Value : texts["Audit.Actor.Unknown"];
    }
}
