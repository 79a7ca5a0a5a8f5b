using Microsoft.Extensions.Localization;

using Reseller.Web.Localization;

namespace Reseller.Web.Components.Parts;

public static class Durations
{
    /// <summary>"4 min 59 s": the lockout's time left, rounded up to the second.</summary>
    public static string Format(IStringLocalizer<Texts> texts, TimeSpan duration)
    {
        var seconds = (int)Math.Ceiling(duration.TotalSeconds);
        return seconds >= 60
            ? texts["Duration.MinutesSeconds", seconds / 60, seconds % 60]
            : texts["Duration.Seconds", seconds];
    }
}
