using Reseller.Billing.Invoices.Issuing;
using Reseller.Billing.Pricing;

namespace Reseller.Billing.Invoices;

/// <summary>An issued invoice. Its lines and amounts never change once issued; only its settlement moves it to paid.</summary>
public sealed class Invoice
{
    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public Guid PartnerId { get; private set; }
    public Guid? AccountId { get; private set; }
    public string Payer { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public List<InvoiceLine> Lines { get; private set; } = [];
    public long Subtotal { get; private set; }
    public int DiscountPercent { get; private set; }
    public long Discount { get; private set; }

    /// <summary>The tax rate in percent applied to the discounted subtotal (0 with <see cref="ReverseCharge"/>).</summary>
    public decimal TaxRate { get; private set; }
    public long Tax { get; private set; }

    /// <summary>An EU business in another member state than the issuer's: no VAT charged, the payer accounts for it.</summary>
    public bool ReverseCharge { get; private set; }

    /// <summary>Whether the invoice was taxed as <paramref name="ratePercent"/> with <paramref name="reverseCharge"/> says.</summary>
    public bool IsTaxedAs(decimal ratePercent, bool reverseCharge) => TaxRate == ratePercent && ReverseCharge == reverseCharge;

    /// <summary>What is charged: the discounted subtotal plus <see cref="Tax"/>.</summary>
    public long Total { get; private set; }
    public long PrepaidApplied { get; private set; }
    public long CardCharged { get; private set; }
    public InvoiceStatus Status { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>Null on invoices issued before due dates were printed: they were due on issue.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>Issuer and bill-to as they were on the day of issue (null on older invoices); never updated afterwards.</summary>
    public InvoiceParty? Issuer { get; private set; }
    public InvoiceParty? BillTo { get; private set; }
    public string Language { get; private set; } = InvoiceLanguages.English;
    public DateTimeOffset? PaidAt { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTimeOffset? FirstFailedAt { get; private set; }
    public DateTimeOffset? NextRetryAt { get; private set; }

    /// <summary>A charge the payer asked for (Renew) is under way, apart from dunning's schedule.</summary>
    public bool RequestedRetry { get; private set; }
    public uint Version { get; private set; }

    /// <summary>What another service asked this invoice for (a credit purchase's id), unique; null for plan invoices.</summary>
    public string? Reference { get; private set; }

    /// <summary>Dunning: a failed renewal is retried 1, 3 and 5 days after its first failure.</summary>
    public static readonly IReadOnlyList<int> RetryDays = [1, 3, 5];

    private Invoice()
    {
    }

    public long AmountDue => Status == InvoiceStatus.Open ? Total - PrepaidApplied - CardCharged : 0;

    public static Invoice Issue(IssueInvoice details, string number, PriceBreakdown price, DateTimeOffset now, InvoiceHeading? heading = null)
    {
        heading ??= InvoiceHeading.None;
        var tax = TaxRule.Tax(price.Total, heading.TaxRatePercent);
        var total = price.Total + tax;
        return new Invoice
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            PartnerId = details.PartnerId,
            AccountId = details.AccountId,
            Payer = details.Payer,
            Purpose = details.Purpose,
            Currency = price.Currency,
            Lines = price.Lines.Select(l => new InvoiceLine
            {
                Code = l.Code,
                Description = l.DescriptionIn(heading.Language),
                Text = LineTextJson.Write(l.Text),
                Quantity = l.Quantity,
                UnitAmount = l.UnitAmount,
                Amount = l.Amount,
                Discount = l.Discount,
                Total = l.Total,
            }).ToList(),
            Subtotal = price.Subtotal,
            DiscountPercent = price.DiscountPercent,
            Discount = price.Discount,
            TaxRate = heading.TaxRatePercent,
            Tax = tax,
            ReverseCharge = heading.ReverseCharge,
            Total = total,
            Status = total == 0 ? InvoiceStatus.Paid : InvoiceStatus.Open,
            PeriodStart = details.PeriodStart,
            PeriodEnd = details.PeriodEnd,
            IssuedAt = now,
            PaidAt = total == 0 ? now : null,
            DueDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(heading.PaymentTermDays),
            Issuer = heading.Issuer,
            BillTo = heading.BillTo,
            Language = heading.Language,
            Reference = details.Reference,
        };
    }

    /// <summary>
    /// Records a failed charge; returns true when it was the last attempt and the invoice is now uncollectible. A charge the
    /// payer asked for (<see cref="StartRequestedRetry"/>: Renew) that fails after a first failure is not one of dunning's
    /// attempts: the schedule (1, 3 and 5 days after the first failure) stands, so pressing Renew never brings the expiry closer.
    /// </summary>
    public bool RegisterFailedCharge(DateTimeOffset now, bool retryable)
    {
        if (Status != InvoiceStatus.Open)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}, not open.");
        }
        var requested = RequestedRetry;
        RequestedRetry = false;
        if (requested && retryable && FirstFailedAt is { } firstFailed && FailedAttempts is > 0 && FailedAttempts <= RetryDays.Count)
        {
            NextRetryAt = firstFailed.AddDays(RetryDays[FailedAttempts - 1]);
            return false;
        }
        FailedAttempts++;
        FirstFailedAt ??= now;
        NextRetryAt = null;
        if (!retryable)
        {
            return false;
        }
        if (FailedAttempts > RetryDays.Count)
        {
            Status = InvoiceStatus.Uncollectible;
            return true;
        }
        NextRetryAt = FirstFailedAt.Value.AddDays(RetryDays[FailedAttempts - 1]);
        return false;
    }

    /// <summary>The account will never be charged again (expired, transferred): an open invoice is voided, its dunning ends.</summary>
    public void Void()
    {
        if (Status != InvoiceStatus.Open)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}, not open.");
        }
        Status = InvoiceStatus.Void;
        NextRetryAt = null;
    }

    /// <summary>
    /// Replaces this open invoice, which no charge is under way for, by one of the same purpose, payer and period at another
    /// price (a downgrade its renewal missed): the replacement takes over dunning where this one is (the attempts made, the
    /// next retry), and this one is voided. The caller persists the void before it adds the replacement, which takes this
    /// one's place in the unique (account, period) index.
    /// </summary>
    public Invoice ReplaceWith(string number, PriceBreakdown price, DateTimeOffset now, InvoiceHeading heading)
    {
        var nextRetryAt = NextRetryAt;
        Void();
        var replacement = Issue(new IssueInvoice(PartnerId, AccountId, Payer, Purpose, PeriodStart, PeriodEnd), number, price, now, heading);
        if (replacement.Status == InvoiceStatus.Open)
        {
            replacement.FailedAttempts = FailedAttempts;
            replacement.FirstFailedAt = FirstFailedAt;
            replacement.NextRetryAt = nextRetryAt;
        }
        return replacement;
    }

    /// <summary>Dunning's retry starts: no longer waiting for its retry time, the schedule's attempt, counted if it fails.</summary>
    public void StartRetry()
    {
        NextRetryAt = null;
        RequestedRetry = false;
    }

    /// <summary>A charge the payer asked for starts; if it fails, dunning's schedule stands as it was.</summary>
    public void StartRequestedRetry()
    {
        NextRetryAt = null;
        RequestedRetry = true;
    }

    /// <summary>Prepaid credit pays part (or all) of an open invoice; the card settles the rest with <see cref="PayByCard"/>.</summary>
    public void ApplyPrepaid(long amount)
    {
        if (Status != InvoiceStatus.Open || amount < 0 || amount > AmountDue)
        {
            throw new InvalidOperationException($"Invoice {Number}: {amount} of prepaid credit cannot apply to {AmountDue} due.");
        }
        PrepaidApplied += amount;
    }

    /// <summary>Settles the rest of the invoice by card; refuses an invoice that is not open.</summary>
    public void PayByCard(long amount, DateTimeOffset now)
    {
        if (Status != InvoiceStatus.Open)
        {
            throw new InvalidOperationException($"Invoice {Number} is {Status}, not open.");
        }
        if (amount != AmountDue)
        {
            throw new InvalidOperationException($"Invoice {Number}: a card payment of {amount} does not settle {AmountDue}.");
        }
        CardCharged += amount;
        Status = InvoiceStatus.Paid;
        PaidAt = now;
        NextRetryAt = null;
    }
}
