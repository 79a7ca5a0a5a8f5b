using Reseller.Partners.Commissions;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Partners;

/// <summary>
/// A month whose credit notes took back more than it earned closes negative: what the partner owes back. The partner's next
/// statement nets it, and it is never paid out on its own.
/// </summary>
public sealed class StatementCarryForwardTests
{
    private static readonly DateTimeOffset Now = new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly DateOnly January = new(2027, 1, 1);
    private static readonly Guid Partner = Guid.CreateVersion7();

    private static Earning Line(long amount, DateOnly month, string currency = "USD") =>
        Earning.ForInvoice(Partner, Guid.CreateVersion7(), Guid.CreateVersion7(), "RSL-2026-000007", amount < 0 ? EarningKinds.Reversal : EarningKinds.Commission,
            4900, amount, currency, month, Now);

    private static Statement Closed(DateOnly month, long amount, bool hasPaypal = true, string currency = "USD") =>
        Statement.Close(Partner, month, [Line(amount, month, currency)], currency, hasPaypal, Now);

    [Fact]
    public void The_next_statement_nets_every_earlier_negative_one_pending_or_held_and_each_names_it()
    {
        var owedPending = Closed(November, -980);
        var owedHeld = Closed(December, -300, hasPaypal: false);

        var next = Statement.Close(Partner, January, [Line(2469, January), Line(600, January)], "USD", hasPaypal: true, Now, [owedPending, owedHeld]);

        Assert.Equal((-1280L, 2469L + 600L - 1280L, 2, StatementStatus.Pending), (next.CarriedIn, next.Total, next.LineCount, next.Status));
        Assert.All([owedPending, owedHeld], owed => Assert.Equal((StatementStatus.CarriedForward, (Guid?)next.Id), (owed.Status, owed.CarriedIntoId)));
        Assert.Equal((-980L, -300L), (owedPending.Total, owedHeld.Total));
        Assert.False(owedPending.IsOwedBack);
    }

    [Fact]
    public void A_statement_that_nets_to_less_than_nothing_is_itself_owed_back()
    {
        var owed = Closed(November, -980);

        var next = Statement.Close(Partner, December, [Line(500, December)], "USD", hasPaypal: true, Now, [owed]);

        Assert.Equal((-480L, true), (next.Total, next.IsOwedBack));
        Assert.Equal(0L, Closed(November, 980).CarriedIn);
    }

    [Fact]
    public void A_month_that_nets_to_nothing_owes_nothing_back()
    {
        var even = Statement.Close(Partner, November, [Line(980, November), Line(-980, November)], "USD", hasPaypal: true, Now);

        Assert.Equal(0L, even.Total);
        Assert.False(even.IsOwedBack);
    }

    [Fact]
    public void A_negative_month_is_carried_only_into_a_later_month()
    {
        var sameMonth = Assert.Throws<InvalidOperationException>(() =>
            Statement.Close(Partner, November, [Line(500, November)], "USD", hasPaypal: true, Now, [Closed(November, -980)]));
        Assert.Contains("cannot be carried into", sameMonth.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() =>
            Statement.Close(Partner, November, [Line(500, November)], "USD", hasPaypal: true, Now, [Closed(December, -980)]));
    }

    [Fact]
    public void A_negative_statement_is_never_marked_paid_before_or_after_it_is_carried()
    {
        var owed = Closed(November, -980);

        var negative = Assert.Throws<ProblemException>(() => owed.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false));
        Assert.Equal((409, ProblemTypes.Uri("statement-owed-back")), (negative.Status, negative.Type));
        Assert.Equal(("This statement closed negative: its credit notes took back more than it earned.",
            "The partner's next statement carries it; there is nothing to pay on this one."), (negative.Title, negative.Detail));
        Statement.Close(Partner, December, [Line(2469, December)], "USD", hasPaypal: true, Now, [owed]);
        var carried = Assert.Throws<ProblemException>(() => owed.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false));
        Assert.Equal((409, ProblemTypes.Uri("statement-carried-forward")), (carried.Status, carried.Type));
        Assert.Equal("This statement closed negative and a later statement carried it; there is nothing to pay on it.", carried.Title);
        Assert.Null(owed.PayoutReference);
    }

    [Fact]
    public void A_month_is_not_marked_paid_while_another_month_of_its_partner_is_owed_back()
    {
        var earned = Closed(November, 980);

        var refused = Assert.Throws<ProblemException>(() => earned.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: true));

        Assert.Equal((409, ProblemTypes.Uri("statement-waits-for-owed-back")), (refused.Status, refused.Type));
        Assert.Equal(("Another month of this partner closed negative and is owed back.",
            "Its credit notes took back commission already earned; this statement is paid once the partner's statements net positive again."),
            (refused.Title, refused.Detail));
        Assert.Equal((StatementStatus.Pending, (string?)null), (earned.Status, earned.PayoutReference));
    }

    [Fact]
    public void Only_an_earlier_unpaid_negative_statement_of_the_same_partner_and_currency_can_be_carried()
    {
        var paidOut = Closed(November, 980);
        paidOut.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false);
        Statement[] refused =
        [
            Closed(November, 980),
            paidOut,
            Closed(November, -980, currency: "EUR"),
            Closed(January, -980),
            Statement.Close(Guid.CreateVersion7(), November, [Line(-980, November)], "USD", hasPaypal: true, Now),
        ];

        Assert.All(refused, earlier =>
            Assert.Throws<InvalidOperationException>(() => Statement.Close(Partner, December, [Line(2469, December)], "USD", hasPaypal: true, Now, [earlier])));
    }
}
