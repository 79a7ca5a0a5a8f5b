using Microsoft.Extensions.Localization;

using Reseller.Web.Localization;

namespace Reseller.Web.Components.Parts;

/// <summary>
/// What an account's <c>current_period_end</c> is for its status: the day a trial ends, the day a cancelled account stops
/// (it is not renewed), the day an expired one stopped, else the next renewal.
/// </summary>
public static class PeriodEnd
{
    public static string Label(IStringLocalizer<Texts> texts, string status) => texts[status switch
    {
        "trial" => "Account.TrialEnds",
        "cancelled" => "Account.EndsOn",
        "expired" => "Account.EndedOn",
        _ => "Account.NextRenewal",
    }];
}
