using Reseller.Contracts.Billing;

namespace Reseller.UnitTests.Contracts;

/// <summary>What each of an invoice's credit notes takes back of what the invoice sold or earned.</summary>
public sealed class CreditNoteSharesTests
{
    [Fact]
    public void Three_thirds_of_a_pack_rounded_down_take_back_the_whole_pack()
    {
        // 1,000 credits paid 2400, refunded 800 at a time: each third alone is 333.3, rounded down 333 (999 in all).
        var shares = Enumerable.Range(0, 3).Select(i => CreditNoteShares.Of(1000, 2400, 800 * i, 800, MidpointRounding.ToZero)).ToList();

        Assert.Equal([333L, 333L, 334L], shares);
    }

    [Fact]
    public void Three_parts_of_an_earning_rounded_to_the_nearest_take_back_the_whole_earning()
    {
        // 100 earned on 667; 222, 222 and 223 credited: each part alone is 33.3, 33.3 and 33.4, rounded 33 (99 in all).
        Assert.Equal([33L, 34L, 33L], new[] { (0L, 222L), (222L, 222L), (444L, 223L) }
            .Select(n => CreditNoteShares.Of(100, 667, n.Item1, n.Item2, MidpointRounding.ToEven)).ToList());
    }

    [Theory]
    [InlineData(1000, 2400, new long[] { 800, 800, 800 })]
    [InlineData(100, 667, new long[] { 1, 1, 1, 664 })]
    [InlineData(735, 4900, new long[] { 1225, 3675 })]
    [InlineData(5000, 6000, new long[] { 1, 2, 3, 4, 5, 5985 })]
    [InlineData(7, 3, new long[] { 1, 1, 1 })]
    public void Notes_add_up_to_the_share_of_all_they_credited_in_either_rounding(long whole, long invoiceTotal, long[] notes)
    {
        foreach (var rounding in new[] { MidpointRounding.ToZero, MidpointRounding.ToEven })
        {
            var before = 0L;
            var taken = 0L;
            foreach (var credited in notes)
            {
                var share = CreditNoteShares.Of(whole, invoiceTotal, before, credited, rounding);
                Assert.InRange(share, 0, whole);
                taken += share;
                before += credited;
            }
            Assert.Equal(CreditNoteShares.Of(whole, invoiceTotal, 0, notes.Sum(), rounding), taken);
        }
        Assert.Equal(whole, CreditNoteShares.Of(whole, invoiceTotal, 0, notes.Sum(), MidpointRounding.ToZero));
    }

    [Theory]
    [InlineData(1000, 2400, 2400, 800, 0)] // the invoice was already credited in full
    [InlineData(1000, 2400, 2000, 800, 167)] // only the 400 left of the invoice counts: 1000 - 833
    [InlineData(1000, 0, 0, 800, 0)] // nothing was paid to share
    [InlineData(0, 2400, 0, 800, 0)] // nothing was sold or earned
    [InlineData(1000, 2400, 0, -800, 0)] // a negative note takes nothing
    public void A_note_takes_nothing_beyond_the_invoice(long whole, long invoiceTotal, long creditedBefore, long credited, long expected) =>
        Assert.Equal(expected, CreditNoteShares.Of(whole, invoiceTotal, creditedBefore, credited, MidpointRounding.ToZero));
}
