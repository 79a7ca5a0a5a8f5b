using System.Globalization;

using Microsoft.Extensions.Localization;

using Reseller.Web.Localization;

namespace Reseller.Web.Components.Parts;

/// <summary>A quantity of SMS or compatibility credit in words, singular or plural as the user's language says it.</summary>
public static class CreditQuantities
{
    public static string Units(IStringLocalizer<Texts> texts, string kind, long size) =>
        texts[$"Credits.Units.{kind}.{(IsSingular(size) ? "One" : "Many")}", Formats.Number(size)];

    /// <summary>English says "1 credit", French "0 crédit" and "1 crédit".</summary>
    private static bool IsSingular(long n) =>
        n == 1 || (n == 0 && CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr");
}
