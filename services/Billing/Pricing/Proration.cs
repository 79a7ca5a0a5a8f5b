namespace Reseller.Billing.Pricing;

/// <summary>
/// What a plan change adds for the rest of the period (docs/business-rules.md): each list line's difference × remaining days / days in
/// the period, remaining days from the change date (inclusive) to the period end (exclusive), rounded half-to-even to the
/// cent; the reseller discount then applies to the prorated line like to any other (never to conversations).
/// </summary>
public static class Proration
{
    public static IReadOnlyList<PriceLine> Difference(
        IReadOnlyList<PriceLine> previous, IReadOnlyList<PriceLine> current, DateOnly changedOn, DateOnly periodStart, DateOnly periodEnd)
    {
        var days = periodEnd.DayNumber - periodStart.DayNumber;
        var remaining = periodEnd.DayNumber - changedOn.DayNumber;
        if (days <= 0 || remaining <= 0 || changedOn < periodStart)
        {
            return [];
        }
        var lines = new List<PriceLine>();
        foreach (var code in current.Select(l => l.Code).Union(previous.Select(l => l.Code)))
        {
            var now = current.FirstOrDefault(l => l.Code == code);
            var before = previous.FirstOrDefault(l => l.Code == code);
            var difference = (now?.Amount ?? 0) - (before?.Amount ?? 0);
            if (difference == 0)
            {
                continue;
            }
            var prorated = Rounding.Fraction(difference, remaining, days);
            var described = now ?? before!;
            lines.Add(PriceLine.Of(code, new LineText.Prorated(described.Text ?? new LineText.Written(described.Description), remaining, days), 1, prorated,
                described.Discountable));
        }
        return lines;
    }

    /// <summary>The unused part of what was paid for the period, as a credit (never more than the new charge).</summary>
    public static long UnusedCredit(long paidForPeriod, DateOnly changedOn, DateOnly periodStart, DateOnly periodEnd)
    {
        var days = periodEnd.DayNumber - periodStart.DayNumber;
        var remaining = Math.Clamp(periodEnd.DayNumber - changedOn.DayNumber, 0, Math.Max(days, 0));
        return days <= 0 ? 0 : Rounding.Fraction(paidForPeriod, remaining, days);
    }
}
