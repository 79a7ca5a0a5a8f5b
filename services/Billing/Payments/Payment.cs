using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;

namespace Reseller.Billing.Payments;

/// <summary>
/// One attempt to charge an invoice's card, recorded before the provider is called. Its id is the provider's idempotency
/// key, so finishing a pending attempt after a crash repeats the same charge instead of making a second one.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; private set; }
    public Guid InvoiceId { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid BillingProfileId { get; private set; }
    public long Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public PaymentStatus Status { get; private set; }
    public string? ProviderChargeId { get; private set; }

    /// <summary>
    /// The prepaid credit reserved beside this attempt's card charge (<see cref="Amount"/> less this goes to the card); spent
    /// if the attempt paid its invoice, given back otherwise. Fixed before the card is charged, so a repeat of the attempt
    /// asks the card for the same rest: Stripe answers a repeated idempotency key only for the same request. Null while not
    /// fixed (an attempt that cannot use prepaid credit).
    /// </summary>
    public long? PrepaidAmount { get; private set; }
    public string? FailureCode { get; private set; }

    /// <summary>Where the payer authenticates a charge its bank held for 3-D Secure (failure code authentication_required).</summary>
    public string? ActionUrl { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>What an <see cref="PaymentStatus.Unmatched"/> charge gives back to the card (0 for none).</summary>
    public long RefundAmount { get; private set; }
    public string? ProviderRefundId { get; private set; }
    public string? RefundFailureCode { get; private set; }

    /// <summary>When the provider answered the refund of an unmatched charge; null while it is still to be made.</summary>
    public DateTimeOffset? RefundSettledAt { get; private set; }

    public bool AwaitsRefund => Status == PaymentStatus.Unmatched && RefundAmount > 0 && RefundSettledAt is null;

    /// <summary><see cref="AwaitsRefund"/> as a query.</summary>
    public static Expression<Func<Payment, bool>> AwaitingRefund { get; } =
        p => p.Status == PaymentStatus.Unmatched && p.RefundAmount > 0 && p.RefundSettledAt == null;

    /// <summary>The refund of an unmatched charge is keyed by the attempt, so a repeat is the same refund.</summary>
    public string RefundIdempotencyKey => $"unmatched_{Id:N}";

    private Payment()
    {
    }

    public static Payment Start(Guid invoiceId, Guid partnerId, Guid billingProfileId, long amount, string currency, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        InvoiceId = invoiceId,
        PartnerId = partnerId,
        BillingProfileId = billingProfileId,
        Amount = amount,
        Currency = currency,
        Status = PaymentStatus.Pending,
        CreatedAt = now,
    };

    public void Complete(ChargeResult result, long fromPrepaid, DateTimeOffset now)
    {
        if (Status != PaymentStatus.Pending)
        {
            throw new InvalidOperationException($"Payment {Id} is already {Status}.");
        }
        Status = result.Succeeded ? PaymentStatus.Succeeded : PaymentStatus.Failed;
        ProviderChargeId = result.ProviderChargeId;
        PrepaidAmount = fromPrepaid;
        FailureCode = result.FailureCode;
        ActionUrl = result.ActionUrl;
        CompletedAt = now;
    }

    /// <summary>Whether the payer may still complete this failed attempt by authenticating it at the provider.</summary>
    public bool AwaitsAuthentication => Status == PaymentStatus.Failed && FailureCode == ChargeResult.AuthenticationRequired;

    /// <summary>
    /// When the payer authenticates a charge held for 3-D Secure, its prepaid part (given back when the bank held the card
    /// part) is reserved again under this id: always the same for the attempt, so a repeated webhook finds the same reservation.
    /// </summary>
    public Guid AuthenticatedReservationId => new(SHA256.HashData(Encoding.UTF8.GetBytes($"authenticated:{Id:N}"))[..16]);

    /// <summary>The payer authenticated a charge held for 3-D Secure and the provider took the money: the attempt succeeded after all.</summary>
    public void Authenticated(string providerChargeId, DateTimeOffset now)
    {
        if (!AwaitsAuthentication)
        {
            throw new InvalidOperationException($"Payment {Id} does not await authentication.");
        }
        Status = PaymentStatus.Succeeded;
        ProviderChargeId = providerChargeId;
        FailureCode = null;
        ActionUrl = null;
        CompletedAt = now;
    }

    /// <summary>
    /// The provider took <paramref name="byCard"/> but the invoice no longer needed it (paid otherwise, voided): the attempt
    /// is settled as unmatched, never retried, and that money is to be given back.
    /// </summary>
    public void Unmatched(long byCard)
    {
        if (Status != PaymentStatus.Succeeded)
        {
            throw new InvalidOperationException($"Payment {Id} did not succeed: nothing to give back.");
        }
        Status = PaymentStatus.Unmatched;
        RefundAmount = byCard;
    }

    public void Refunded(RefundResult result, DateTimeOffset now)
    {
        ProviderRefundId = result.ProviderRefundId;
        RefundFailureCode = result.FailureCode;
        RefundSettledAt = now;
    }
}
