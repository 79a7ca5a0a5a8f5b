using Reseller.Accounts.Lifecycle;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Catalog;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.ResoldAccounts;

/// <summary>The lifecycle rules of docs/business-rules.md "Resold accounts": plan changes, seats, cancel, renew, expiry, transfers.</summary>
public sealed partial class Account
{
    /// <summary>A downgrade or removed seats, in force from the next paid renewal.</summary>
    public Plan? ScheduledPlan { get; private set; }

    /// <summary>The partner the account was moved out of, while it is stand-alone.</summary>
    public Guid? FormerPartnerId { get; private set; }

    /// <summary>The partner's card, kept while the customer pays, for a switch back.</summary>
    public Guid? PartnerBillingProfileId { get; private set; }

    /// <summary>The stand-alone owner's e-mail after a move-out.</summary>
    public string? OwnerEmail { get; private set; }

    /// <summary>How many plan and seat changes the account has had: each one's number travels with it, to be applied in order.</summary>
    public int PlanRevision { get; private set; }

    /// <summary>
    /// Changes the plan. A trial (live or expired) or an expired account restarts on the new paid plan and waits for its
    /// first charge; a live paid account takes an upgrade now and keeps a downgrade for the next renewal.
    /// </summary>
    public PlanChange ChangePlan(Plan requested, bool appliesNow)
    {
        var previous = Plan;
        if (Status is AccountStatus.Trial or AccountStatus.Expired)
        {
            if (requested.Cadence == PlanCadences.Trial)
            {
                throw ValidationErrors.Reject("plan.cadence", "plan.cadence must be monthly or annual to convert this account.");
            }
            if (BillingProfileId is null)
            {
                throw ValidationErrors.Reject("billing_profile_id", "billing_profile_id is required to convert this account to a paid plan.");
            }
            Plan = requested;
            ScheduledPlan = null;
            ChangeStatus(AccountStatus.Pending);
            AwaitsOpeningCharge = true;
            return Revised(new PlanChange(previous, requested, null));
        }
        if (Status != AccountStatus.Active)
        {
            throw ProblemException.Conflict("plan-change-not-allowed", "The plan of this account cannot change now.",
                $"A plan changes on an active, trial or expired account; this one is {AccountStatuses.NameOf(Status)}.");
        }
        if (requested.Cadence == PlanCadences.Trial)
        {
            throw ValidationErrors.Reject("plan.cadence", "A paid account cannot go back to a trial.");
        }
        if (requested.Product != Plan.Product)
        {
            throw ValidationErrors.Reject("plan.product", "A plan change keeps the product; create another account for another product.");
        }
        if (appliesNow)
        {
            Plan = requested;
            ScheduledPlan = null;
        }
        else
        {
            ScheduledPlan = requested;
        }
        return Revised(new PlanChange(previous, Plan, ScheduledPlan));
    }

    /// <summary>Adds seats now (charged prorated) or removes them at the next renewal; a trial changes at once, free.</summary>
    public PlanChange ChangeSeats(string? addOn, int delta)
    {
        if (Status is not (AccountStatus.Active or AccountStatus.Trial))
        {
            throw ProblemException.Conflict("seats-change-not-allowed", "Seats cannot change now.",
                $"Seats change on an active or trial account; this one is {AccountStatuses.NameOf(Status)}.");
        }
        if (Status == AccountStatus.Trial && addOn is not null)
        {
            throw ValidationErrors.Reject("add_on", "A trial carries 20 conversations seats; convert it to a paid plan to add more.");
        }
        var previous = Plan;
        if (Status == AccountStatus.Trial || delta > 0)
        {
            Plan = Plan.WithSeats(addOn, delta);
            ScheduledPlan = ScheduledPlan?.WithSeats(addOn, delta);
        }
        else
        {
            ScheduledPlan = (ScheduledPlan ?? Plan).WithSeats(addOn, delta);
        }
        return Revised(new PlanChange(previous, Plan, ScheduledPlan));
    }

    private PlanChange Revised(PlanChange change)
    {
        PlanRevision++;
        return change with { Revision = PlanRevision };
    }

    /// <summary>
    /// Cancels: the account stays usable until its period ends, then expires. One whose first charge never succeeded has no
    /// paid period to run to: it expires at once, and Billing voids what it still has open.
    /// </summary>
    public bool Cancel()
    {
        if (Status == AccountStatus.Cancelled)
        {
            return false;
        }
        if (Status is not (AccountStatus.Active or AccountStatus.PaymentFailed or AccountStatus.Trial))
        {
            throw ProblemException.Conflict("not-cancellable", "This account cannot be cancelled.",
                $"An active, trial or payment_failed account can be cancelled; this one is {AccountStatuses.NameOf(Status)}.");
        }
        ChangeStatus(AwaitsOpeningCharge ? AccountStatus.Expired : AccountStatus.Cancelled);
        return true;
    }

    /// <summary>
    /// Renews per the renewal eligibility of docs/business-rules.md: a cancelled account not yet expired is un-cancelled (no charge); a payment_failed
    /// one asks Billing to charge its open renewal (returns true); an expired one needs a plan change. An active or pending
    /// account is neither cancelled nor expired, so it is renewable too, with nothing open to charge: a card named is kept
    /// for its next charge, and nothing else changes.
    /// </summary>
    public bool Renew(Guid? billingProfileId, DateTimeOffset now)
    {
        switch (Status)
        {
            case AccountStatus.Cancelled when CurrentPeriodEnd > now:
                EnsurePartnerMayNameCard(billingProfileId);
                ChangeStatus(Plan.Cadence == PlanCadences.Trial ? AccountStatus.Trial : AccountStatus.Active);
                BillingProfileId = billingProfileId ?? BillingProfileId;
                return false;
            case AccountStatus.PaymentFailed or AccountStatus.Active or AccountStatus.Pending:
                EnsurePartnerMayNameCard(billingProfileId);
                BillingProfileId = billingProfileId ?? BillingProfileId;
                return Status == AccountStatus.PaymentFailed;
            case AccountStatus.Expired or AccountStatus.Cancelled or AccountStatus.Trial:
                throw ProblemException.Conflict("renewal-requires-plan-change", "This account cannot be renewed on its plan.",
                    "An expired account or a trial is renewed by changing its plan to a paid cadence (PATCH plan).");
            default:
                throw ProblemException.Conflict("not-renewable", "This account cannot be renewed.",
                    $"An account in service can be renewed; this one is {AccountStatuses.NameOf(Status)}.");
        }
    }

    /// <summary>A trial or a cancelled account reached its period end.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status is not (AccountStatus.Trial or AccountStatus.Cancelled) || CurrentPeriodEnd > now)
        {
            return false;
        }
        ChangeStatus(AccountStatus.Expired);
        return true;
    }

    /// <summary>
    /// Billing's invoice for a period started by a plan change itself (a new cadence, or an expired account given a new
    /// plan) is paid: the account is active until that period's end. One cancelled since (a switch to annual, then a
    /// cancellation before the payment reached Accounts) stays cancelled and runs to the end of the period paid for.
    /// </summary>
    public bool PlanChangePeriodPaid(DateTimeOffset periodEnd)
    {
        if (Status == AccountStatus.Cancelled)
        {
            if (CurrentPeriodEnd >= periodEnd)
            {
                return false;
            }
            AwaitsOpeningCharge = false;
            CurrentPeriodEnd = periodEnd;
            return true;
        }
        if (Status is not (AccountStatus.Pending or AccountStatus.PaymentFailed or AccountStatus.Active))
        {
            return false;
        }
        ChangeStatus(AccountStatus.Active);
        AwaitsOpeningCharge = false;
        CurrentPeriodEnd = periodEnd;
        return true;
    }

    /// <summary>The charge of a period started by a plan change failed: like a first charge when pending, like a renewal otherwise.</summary>
    public bool PlanChangeChargeFailed(bool final) => Status == AccountStatus.Pending ? MarkFirstChargeFailed() : RenewalFailed(final);

    /// <summary>A paid renewal brings the scheduled downgrade or seat removal into force.</summary>
    public void ApplyScheduledPlan()
    {
        if (ScheduledPlan is { } scheduled)
        {
            Plan = scheduled;
            ScheduledPlan = null;
        }
    }

    /// <summary>Moves the account out of its agency to a stand-alone owner: partner billing stops, it leaves the partner's list.</summary>
    public Guid TransferOut(string ownerEmail)
    {
        if (Status == AccountStatus.Transferred)
        {
            throw ProblemException.Conflict("already-transferred", "This account is already stand-alone.");
        }
        var former = PartnerId;
        ChangeStatus(AccountStatus.Transferred);
        FormerPartnerId = former;
        PartnerId = Guid.Empty;
        OwnerEmail = ownerEmail;
        BillingProfileId = null;
        PartnerBillingProfileId = null;
        return former;
    }

    /// <summary>Only a stand-alone (transferred) account, which has an owner to confirm, can be moved in.</summary>
    public string RequireStandAlone() =>
        Status == AccountStatus.Transferred && OwnerEmail is { } owner
            ? owner
            : throw ProblemException.Conflict("not-stand-alone", "Only a stand-alone (transferred) account can be moved in.");

    /// <summary>
    /// Attaches a stand-alone account to a partner: a paid one is active again under that partner's billing, a trial is a
    /// trial still (as Billing follows it), and expires at its trial's end.
    /// </summary>
    public void TransferIn(Guid partnerId)
    {
        RequireStandAlone();
        PartnerId = partnerId;
        OwnerEmail = null;
        ChangeStatus(Plan.Cadence == PlanCadences.Trial ? AccountStatus.Trial : AccountStatus.Active);
        AwaitsOpeningCharge = false;
    }

    /// <summary>
    /// Who pays from the next invoice. The customer pays with a card of its own (until it names one, its invoices wait
    /// unpaid: the partner's card is never charged for them); the partner's card is kept meanwhile, so a switch back needs
    /// none. Which caller may name which card is the endpoint's rule: each names only its own.
    /// </summary>
    public void ChangePayer(string payer, Guid? billingProfileId)
    {
        if (payer == Payers.Customer)
        {
            if (Payer == Payers.Partner)
            {
                PartnerBillingProfileId = BillingProfileId;
                BillingProfileId = null;
            }
            BillingProfileId = billingProfileId ?? BillingProfileId;
        }
        else
        {
            var profile = billingProfileId ?? (Payer == Payers.Customer ? PartnerBillingProfileId : BillingProfileId);
            if (profile is null && Plan.Cadence != PlanCadences.Trial)
            {
                throw ValidationErrors.Reject("billing_profile_id", "billing_profile_id is required when the partner pays: the partner has no card on this account.");
            }
            BillingProfileId = profile;
            PartnerBillingProfileId = null;
        }
        Payer = payer;
    }

    /// <summary>A customer-paid account is charged to the customer's own card, which only the customer names.</summary>
    private void EnsurePartnerMayNameCard(Guid? billingProfileId)
    {
        if (billingProfileId is not null && Payer == Payers.Customer)
        {
            throw ValidationErrors.Reject("billing_profile_id", "The customer pays this account: only the customer names its card.");
        }
    }
}
