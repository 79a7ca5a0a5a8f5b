namespace Reseller.Contracts.Billing;

/// <summary>
/// The part of something an invoice sold or earned (a pack's credits, a partner's commission) that one credit note takes
/// back. The invoice's notes up to and including this one take back their cumulative share of the whole, rounded, less
/// what the notes before it took: partial notes add up to the share of all they credited, to the unit, in any order they
/// arrive, where rounding each note's own share could leave a unit behind (three thirds of 100 taking 33 each).
/// </summary>
public static class CreditNoteShares
{
    /// <param name="whole">What the invoice sold or earned.</param>
    /// <param name="invoiceTotal">What the invoice charged, tax included.</param>
    /// <param name="creditedBefore">What the invoice's earlier notes credited.</param>
    /// <param name="credited">What this note credits.</param>
    /// <param name="rounding"><see cref="MidpointRounding.ToZero"/> rounds down; <see cref="MidpointRounding.ToEven"/> to the nearest.</param>
    public static long Of(long whole, long invoiceTotal, long creditedBefore, long credited, MidpointRounding rounding)
    {
        if (whole <= 0 || invoiceTotal <= 0)
        {
            return 0;
        }
        var before = Math.Clamp(creditedBefore, 0, invoiceTotal);
        var upToThis = Math.Clamp(creditedBefore + Math.Max(credited, 0), 0, invoiceTotal);
        return Share(whole, upToThis, invoiceTotal, rounding) - Share(whole, before, invoiceTotal, rounding);
    }

    private static long Share(long whole, long credited, long invoiceTotal, MidpointRounding rounding) =>
        (long)Math.Round((decimal)whole * credited / invoiceTotal, rounding);
}
