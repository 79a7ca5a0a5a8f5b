using Reseller.Billing.CreditNotes;
using Reseller.Billing.Payments;
using Reseller.UnitTests.Billing.Documents;

namespace Reseller.UnitTests.Billing;

/// <summary>
/// How a credit note splits what it gives back: the card first, up to what the card paid less what earlier notes refunded
/// to it, then prepaid credit, up to the invoice's prepaid part less what earlier notes returned; never more than is left.
/// The sample invoice totals 6,912: 1,000 from prepaid credit and 5,912 by card.
/// </summary>
public sealed class CreditNoteSplitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static CreditNote Note(long amount, CreditedSoFar? earlier = null, string? cardCharge = "ch_sample") =>
        CreditNote.Issue(SampleDocuments.FrenchPartnerInvoice(), earlier ?? CreditedSoFar.Nothing, amount, "Goodwill", "CN-2026-000001", Now, cardCharge);

    [Fact]
    public void A_note_refunds_the_card_first_and_returns_the_rest_to_prepaid_credit()
    {
        var note = Note(6_000);

        Assert.Equal((5_912L, 88L), (note.CardRefund, note.PrepaidReturn));
        Assert.Equal("ch_sample", note.RefundedCharge);
    }

    [Fact]
    public void A_later_note_refunds_only_what_earlier_notes_left_of_the_card_and_of_prepaid()
    {
        var second = Note(912, new CreditedSoFar(6_000, 5_912, 88));

        Assert.Equal((0L, 912L), (second.CardRefund, second.PrepaidReturn));
    }

    [Fact]
    public void A_note_after_a_partial_card_refund_refunds_the_rest_of_the_card_before_prepaid()
    {
        var second = Note(2_000, new CreditedSoFar(4_912, 4_912, 0));

        Assert.Equal((1_000L, 1_000L), (second.CardRefund, second.PrepaidReturn));
    }

    [Fact]
    public void Prepaid_credit_gets_back_no_more_than_earlier_notes_left_of_the_invoices_prepaid_part()
    {
        var note = Note(500, new CreditedSoFar(900, 0, 900), cardCharge: null);

        Assert.Equal((0L, 100L), (note.CardRefund, note.PrepaidReturn));
    }

    [Fact]
    public void Without_a_card_charge_to_refund_from_nothing_goes_to_the_card()
    {
        var note = Note(1_500, cardCharge: null);

        Assert.Equal((0L, 1_000L), (note.CardRefund, note.PrepaidReturn));
        Assert.Null(note.RefundedCharge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(6_913)]
    public void A_note_of_nothing_or_of_more_than_is_left_is_refused(long amount)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Note(amount));

        Assert.Contains("exceeds what is left of its total", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_of_exactly_what_is_left_is_issued()
    {
        Assert.Equal(6_912, Note(6_912).Amount);
        Assert.Equal(912, Note(912, new CreditedSoFar(6_000, 5_912, 88)).Amount);
        Assert.Throws<InvalidOperationException>(() => Note(913, new CreditedSoFar(6_000, 5_912, 88)));
    }

    [Fact]
    public void A_card_part_awaits_its_refund_until_the_provider_answers()
    {
        var awaiting = CreditNote.AwaitingCardRefund.Compile();
        var note = Note(100);
        var prepaidOnly = Note(100, cardCharge: null);

        Assert.Equal((true, true), (note.AwaitsCardRefund, awaiting(note)));
        Assert.Equal((false, false), (prepaidOnly.AwaitsCardRefund, awaiting(prepaidOnly)));

        note.CardRefunded(new RefundResult(true, "re_1", null), Now);

        Assert.Equal((false, false), (note.AwaitsCardRefund, awaiting(note)));
        Assert.Equal(("re_1", Now), (note.ProviderRefundId, note.RefundSettledAt));
    }
}
