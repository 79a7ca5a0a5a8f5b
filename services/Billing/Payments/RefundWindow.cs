namespace Reseller.Billing.Payments;

/// <summary>
/// Whether a refund may still be sent under its idempotency key. A refund is first sent when it is decided (a credit note's
/// commit, an unmatched charge's answer) and then repeated under the same key until answered. Once the provider may have
/// forgotten the key (Stripe keeps keys 24 hours), a repeat of a refund whose answer was lost could give the money back a
/// second time, as charges could take it twice (<see cref="PendingPaymentsJob"/>): it is left unsettled for an operator to
/// reconcile, counted by <see cref="UnreconciledPaymentsGaugeSource"/>.
/// </summary>
public static class RefundWindow
{
    public static bool MaySend(IPaymentProvider provider, DateTimeOffset decidedAt, DateTimeOffset now) =>
        decidedAt >= provider.OldestRetriableAt(now);
}
