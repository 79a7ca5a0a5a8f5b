using Reseller.Billing.Invoices;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// A switch to a new cadence credits the unused part of what was paid for the current period: net of tax (the credit is a
/// line of a new invoice that is taxed itself), less what credit notes gave back, each invoice over its own days.
/// </summary>
public sealed class PaidForPeriodTests
{
    private static readonly DateOnly Start = new(2026, 1, 10);
    private static readonly DateOnly End = new(2026, 2, 10);

    [Fact]
    public void Tax_is_never_credited_as_if_it_were_service()
    {
        // 4410 net + 20 % tax paid; switched on day 16 of 31: 4410 × 16 / 31 = 2276.1 → 2276, not 5292 × 16 / 31.
        var taxed = new PaidForPeriod(Net: 4410, Total: 5292, Credited: 0, Start, End);

        Assert.Equal(2276, taxed.UnusedOn(new DateOnly(2026, 1, 25)));
    }

    [Fact]
    public void What_a_credit_note_gave_back_is_not_credited_again()
    {
        // Half of the invoice refunded: half of its net is still paid for.
        var halfRefunded = new PaidForPeriod(Net: 4410, Total: 5292, Credited: 2646, Start, End);

        Assert.Equal(1138, halfRefunded.UnusedOn(new DateOnly(2026, 1, 25)));
        Assert.Equal(0, new PaidForPeriod(4410, 5292, 5292, Start, End).UnusedOn(new DateOnly(2026, 1, 25)));
    }

    [Fact]
    public void A_proration_paid_for_the_periods_tail_is_credited_over_its_own_days()
    {
        // Seats added on 26 January for 1000 (15 days to the end): switched on 1 February, 9 of its 15 days are unused.
        var proration = new PaidForPeriod(Net: 1000, Total: 1000, Credited: 0, new DateOnly(2026, 1, 26), End);

        Assert.Equal(600, proration.UnusedOn(new DateOnly(2026, 2, 1)));
        Assert.Equal(1000, proration.UnusedOn(new DateOnly(2026, 1, 26)));
    }
}
