using Reseller.Partners.Commissions;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Partners;

/// <summary>
/// DOMAIN.md "Partners and commissions", the edges: what an earning and its reversal record, how a credit note's share is
/// bounded, and how a monthly statement totals, holds and is paid.
/// </summary>
public sealed class CommissionLedgerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly Guid Partner = Guid.CreateVersion7();

    private static Earning Earned(long invoiceTotal, long amount, string kind = EarningKinds.Commission) =>
        Earning.ForInvoice(Partner, Guid.CreateVersion7(), Guid.CreateVersion7(), "RSL-2026-000007", kind, invoiceTotal, amount, "USD", November, Now);

    [Theory]
    // 20 % of 1 cent = 0.2 → 0 and of 3 cents = 0.6 → 1; 15 % of 1 = 0.15 → 0: shares round on their own, per invoice.
    [InlineData(1, "customer", true, EarningKinds.Commission, 0)]
    [InlineData(3, "customer", true, EarningKinds.Commission, 1)]
    [InlineData(10, "customer", false, EarningKinds.Cashback, 2)] // 1.5 → 2
    [InlineData(4410, "partner", true, EarningKinds.Commission, 882)] // a referral earns whoever is named payer
    public void An_invoice_earns_its_share_rounded_half_to_even(long total, string payer, bool referred, string kind, long amount)
    {
        var signedUp = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal((kind, amount), EarningRules.For(total, payer, signedUp.AddDays(10), referred ? signedUp : null));
    }

    [Theory]
    [InlineData(-4900, true)]
    [InlineData(0, true)]
    [InlineData(-4900, false)]
    public void An_invoice_with_nothing_to_pay_earns_nothing(long total, bool referred)
    {
        var signedUp = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Null(EarningRules.For(total, "customer", signedUp, referred ? signedUp : null));
    }

    [Fact]
    public void A_referral_earns_nothing_once_its_twelve_months_are_over_even_when_the_customer_pays()
    {
        var signedUp = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Null(EarningRules.For(4900, "customer", signedUp.AddYears(1), signedUp));
        Assert.Equal((EarningKinds.Commission, 980L), EarningRules.For(4900, "customer", signedUp.AddYears(1).AddTicks(-1), signedUp));
    }

    [Theory]
    // 735 earned on 4900; 1225 credited (a quarter): 183.75 → 184; 2450 credited: 367.5 → 368 (half to even).
    [InlineData(735, 4900, 1225, 0, 184)]
    [InlineData(735, 4900, 2450, 0, 368)]
    [InlineData(735, 4900, 4900, 368, 367)] // the rest only
    [InlineData(735, 4900, 0, 0, 0)]
    [InlineData(0, 4900, 4900, 0, 0)] // nothing earned, nothing taken back
    [InlineData(735, 0, 4900, 0, 0)] // no invoice total to share
    [InlineData(735, -10, 4900, 0, 0)]
    [InlineData(-735, 4900, 4900, 0, 0)]
    public void A_credit_note_takes_back_a_share_bounded_by_what_is_left(long earned, long invoiceTotal, long credited, long alreadyReversed, long expected)
    {
        Assert.Equal(expected, EarningRules.Reversal(earned, invoiceTotal, 0, credited, alreadyReversed));
    }

    [Fact]
    public void An_earning_records_what_the_invoice_earned()
    {
        var invoiceId = Guid.CreateVersion7();
        var accountId = Guid.CreateVersion7();

        var earning = Earning.ForInvoice(Partner, accountId, invoiceId, "RSL-2026-000007", EarningKinds.Cashback, 4900, 735, "USD", November, Now);

        Assert.Equal((Partner, (Guid?)accountId, invoiceId, "RSL-2026-000007", EarningKinds.Cashback),
            (earning.PartnerId, earning.AccountId, earning.InvoiceId, earning.InvoiceNumber, earning.Kind));
        Assert.Equal((4900L, 735L, "USD", November, Now), (earning.InvoiceTotal, earning.Amount, earning.Currency, earning.Month, earning.EarnedAt));
        Assert.Null(earning.CreditNoteId);
        Assert.Null(earning.StatementId);
        Assert.NotEqual(Guid.Empty, earning.Id);
    }

    [Fact]
    public void A_reversal_is_a_negative_line_of_the_same_invoice_in_the_month_of_the_credit_note()
    {
        var earned = Earned(4900, 980);
        var creditNote = Guid.CreateVersion7();
        var at = Now.AddDays(3);

        var reversal = Earning.ReversalOf(earned, creditNote, 490, December, at);

        Assert.Equal((EarningKinds.Reversal, -490L, (Guid?)creditNote), (reversal.Kind, reversal.Amount, reversal.CreditNoteId));
        Assert.Equal((earned.PartnerId, earned.AccountId, earned.InvoiceId, earned.InvoiceNumber, earned.InvoiceTotal, earned.Currency),
            (reversal.PartnerId, reversal.AccountId, reversal.InvoiceId, reversal.InvoiceNumber, reversal.InvoiceTotal, reversal.Currency));
        Assert.Equal((December, at), (reversal.Month, reversal.EarnedAt));
        Assert.NotEqual(earned.Id, reversal.Id);
    }

    [Fact]
    public void A_statement_nets_its_earnings_and_reversals_and_records_its_month()
    {
        var earned = Earned(4900, 980);
        Earning[] lines = [earned, Earned(4900, 735, EarningKinds.Cashback), Earning.ReversalOf(earned, Guid.CreateVersion7(), 490, November, Now)];

        var statement = Statement.Close(Partner, November, lines, "EUR", hasPaypal: true, Now);

        Assert.Equal((1225L, 3, "EUR", StatementStatus.Pending), (statement.Total, statement.LineCount, statement.Currency, statement.Status));
        Assert.Equal((Partner, November, Now), (statement.PartnerId, statement.Month, statement.ClosedAt));
        Assert.Null(statement.PayoutReference);
        Assert.Null(statement.PaidAt);
        Assert.NotEqual(Guid.Empty, statement.Id);
    }

    [Fact]
    public void An_empty_month_makes_a_statement_of_zero()
    {
        var statement = Statement.Close(Partner, November, [], "USD", hasPaypal: true, Now);

        Assert.Equal((0L, 0), (statement.Total, statement.LineCount));
    }

    [Fact]
    public void Holding_and_releasing_move_only_between_pending_and_held()
    {
        var statement = Statement.Close(Partner, November, [Earned(4900, 980)], "USD", hasPaypal: true, Now);

        statement.Release();
        Assert.Equal(StatementStatus.Pending, statement.Status);
        statement.Hold();
        Assert.Equal(StatementStatus.Held, statement.Status);
        statement.Hold();
        Assert.Equal(StatementStatus.Held, statement.Status);
        statement.Release();
        Assert.Equal(StatementStatus.Pending, statement.Status);

        statement.MarkPaid("PAYPAL-1", Now.AddDays(2), anotherMonthOwedBack: false);
        statement.Release();
        Assert.Equal(StatementStatus.Paid, statement.Status);
        Assert.Equal(("PAYPAL-1", (DateTimeOffset?)Now.AddDays(2)), (statement.PayoutReference, statement.PaidAt));
    }

    [Fact]
    public void Paying_twice_or_while_held_answers_its_own_conflict_and_keeps_the_first_payout()
    {
        var statement = Statement.Close(Partner, November, [Earned(4900, 980)], "USD", hasPaypal: false, Now);

        var held = Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-0", Now, anotherMonthOwedBack: false));
        Assert.Equal((409, ProblemTypes.Uri("statement-held")), (held.Status, held.Type));
        Assert.Equal(StatementStatus.Held, statement.Status);
        Assert.Null(statement.PayoutReference);

        statement.Release();
        statement.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false);
        var twice = Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-2", Now.AddDays(1), anotherMonthOwedBack: false));
        Assert.Equal((409, ProblemTypes.Uri("statement-already-paid")), (twice.Status, twice.Type));
        Assert.Equal(("PAYPAL-1", (DateTimeOffset?)Now), (statement.PayoutReference, statement.PaidAt));
    }

    [Fact]
    public void A_refused_payment_says_why_and_which_payout_already_paid_the_statement()
    {
        var statement = Statement.Close(Partner, November, [Earned(4900, 980)], "USD", hasPaypal: false, Now);

        var held = Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-0", Now, anotherMonthOwedBack: false));
        Assert.Contains("no PayPal e-mail", held.Title);

        statement.Release();
        statement.MarkPaid("PAYPAL-1", Now, anotherMonthOwedBack: false);
        var twice = Assert.Throws<ProblemException>(() => statement.MarkPaid("PAYPAL-2", Now.AddDays(1), anotherMonthOwedBack: false));
        Assert.Contains("already paid", twice.Title);
        Assert.Equal("Paid with reference PAYPAL-1.", twice.Detail);
    }

    [Theory]
    [InlineData("2026-11", 2026, 11)]
    [InlineData("2027-01", 2027, 1)]
    public void A_month_on_the_wire_is_year_and_month(string value, int year, int month)
    {
        var parsed = CommissionMonth.Parse(value, Now);

        Assert.Equal(new DateOnly(year, month, 1), parsed);
        Assert.Equal(value, CommissionMonth.Format(parsed));
    }

    [Fact]
    public void No_month_means_the_current_utc_month()
    {
        Assert.Equal(November, CommissionMonth.Parse(null, new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-11-05")]
    [InlineData("November")]
    [InlineData("")]
    public void Anything_else_is_a_validation_problem(string value)
    {
        var problem = Assert.Throws<ProblemException>(() => CommissionMonth.Parse(value, Now));

        Assert.Equal(400, problem.Status);
        Assert.True(problem.Errors!.ContainsKey("month"));
    }

    [Fact]
    public void A_month_that_is_not_one_is_answered_with_the_form_expected()
    {
        var problem = Assert.Throws<ProblemException>(() => CommissionMonth.Parse("11/2026", Now));

        Assert.Equal(["month must be a calendar month such as 2026-11."], problem.Errors!["month"]);
    }
}
