using Reseller.Contracts.Accounts;
using Reseller.Credits.FollowedAccounts;
using Reseller.Credits.Ledger;
using Reseller.Credits.Prepaid;
using Reseller.Credits.Purchases;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.UnitTests.Credits;

/// <summary>
/// DOMAIN.md "Credits", the rules outside SQL: prepaid credit held for a charge is spent or given back once, a pack is
/// credited once, credit kinds by name, and which account may receive and spend SMS credit.
/// </summary>
public sealed class CreditLedgerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    // Credits creates a reservation row in SQL and reads it back through EF, which builds it the same way.
    private static PrepaidReservation Held(long earmarked, long general)
    {
        var reservation = (PrepaidReservation)Activator.CreateInstance(typeof(PrepaidReservation), nonPublic: true)!;
        reservation.Hold(earmarked, general);
        return reservation;
    }

    [Fact]
    public void A_reservation_holds_its_earmarked_and_general_parts_together()
    {
        var reservation = Held(1200, 300);

        Assert.Equal((1200L, 300L, 1500L), (reservation.Earmarked, reservation.General, reservation.Amount));
        Assert.Equal(ReservationStatus.Held, reservation.Status);
        Assert.False(reservation.WasReleased);
    }

    [Fact]
    public void A_held_reservation_is_spent_once_and_then_cannot_be_given_back()
    {
        var reservation = Held(1200, 300);

        Assert.True(reservation.Commit(Now));
        Assert.False(reservation.Commit(Now.AddMinutes(1)));
        Assert.False(reservation.Release(Now.AddMinutes(2)));

        Assert.Equal((ReservationStatus.Committed, 1500L, (DateTimeOffset?)Now), (reservation.Status, reservation.Amount, reservation.ClosedAt));
        Assert.False(reservation.WasReleased);
    }

    [Fact]
    public void A_given_back_reservation_holds_nothing_and_is_given_back_only_once()
    {
        var reservation = Held(1200, 300);

        Assert.True(reservation.Release(Now));
        Assert.False(reservation.Release(Now.AddMinutes(1)));
        Assert.False(reservation.Commit(Now.AddMinutes(2)));

        Assert.Equal((ReservationStatus.Released, 0L, (DateTimeOffset?)Now), (reservation.Status, reservation.Amount, reservation.ClosedAt));
        Assert.True(reservation.WasReleased);
        Assert.Equal((1200L, 300L), (reservation.Earmarked, reservation.General));
    }

    [Fact]
    public void A_commit_after_the_sweeper_gave_it_back_records_what_could_be_taken_again()
    {
        var reservation = Held(1200, 300);
        reservation.Release(Now);

        reservation.CommitAfterRelease(1000, 0, Now.AddMinutes(20));

        Assert.Equal((ReservationStatus.Committed, 1000L, 0L, 1000L), (reservation.Status, reservation.Earmarked, reservation.General, reservation.Amount));
        Assert.Equal(Now.AddMinutes(20), reservation.ClosedAt);
        Assert.False(reservation.WasReleased);
    }

    [Fact]
    public void A_held_reservation_asked_for_again_restarts_its_hold_and_a_closed_one_does_not()
    {
        var held = Held(1200, 300);
        var committed = Held(1200, 300);
        committed.Commit(Now);
        var expiry = committed.ExpiresAt;

        held.Renew(Now.AddMinutes(10));
        committed.Renew(Now.AddMinutes(10));

        Assert.Equal(Now.AddMinutes(10) + PrepaidReservation.HoldFor, held.ExpiresAt);
        Assert.Equal(expiry, committed.ExpiresAt);
    }

    [Fact]
    public void Only_a_reservation_the_sweeper_released_is_held_again_for_a_new_hold()
    {
        var released = Held(1200, 300);
        released.Release(Now);

        released.HoldAgain(1000, 500, Now.AddMinutes(20));

        Assert.Equal((ReservationStatus.Held, 1000L, 500L, (DateTimeOffset?)null), (released.Status, released.Earmarked, released.General, released.ClosedAt));
        Assert.Equal(Now.AddMinutes(20) + PrepaidReservation.HoldFor, released.ExpiresAt);
        var refused = Assert.Throws<InvalidOperationException>(() => Held(1200, 300).HoldAgain(1000, 500, Now));
        Assert.Contains("is Held, not released", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purchase_is_ordered_pending_with_what_was_asked()
    {
        var partner = Guid.NewGuid();
        var account = Guid.NewGuid();

        var purchase = CreditPurchase.Order(partner, CreditKind.Compatibility, 500, account, Now);

        Assert.Equal((partner, CreditKind.Compatibility, 500L, (Guid?)account), (purchase.PartnerId, purchase.Kind, purchase.Pack, purchase.AccountId));
        Assert.Equal((PurchaseStatus.Pending, Now), (purchase.Status, purchase.CreatedAt));
        Assert.Null(purchase.InvoiceId);
        Assert.Null(purchase.CreditedAt);
        Assert.NotEqual(Guid.Empty, purchase.Id);
    }

    [Fact]
    public void A_purchase_keeps_its_first_invoice()
    {
        var purchase = CreditPurchase.Order(Guid.NewGuid(), CreditKind.Sms, 1000, null, Now);
        var first = Guid.NewGuid();

        purchase.Invoiced(first);
        purchase.Invoiced(Guid.NewGuid());
        Assert.True(purchase.Complete(Guid.NewGuid(), Now.AddMinutes(1)));

        Assert.Equal(first, purchase.InvoiceId);
    }

    [Fact]
    public void A_pending_purchase_is_credited_once_when_its_invoice_is_paid()
    {
        var purchase = CreditPurchase.Order(Guid.NewGuid(), CreditKind.Prepaid, 5000, null, Now);
        var invoice = Guid.NewGuid();

        Assert.True(purchase.Complete(invoice, Now.AddMinutes(1)));
        Assert.False(purchase.Complete(Guid.NewGuid(), Now.AddMinutes(2)));

        Assert.Equal((PurchaseStatus.Completed, (Guid?)invoice, (DateTimeOffset?)Now.AddMinutes(1)), (purchase.Status, purchase.InvoiceId, purchase.CreditedAt));
        Assert.Null(purchase.FailureCode);
    }

    [Fact]
    public void A_failure_reported_at_the_same_time_as_the_last_one_replaces_its_code()
    {
        var purchase = CreditPurchase.Order(Guid.NewGuid(), CreditKind.Sms, 1000, null, Now);

        purchase.Fail("card_declined", Now);
        purchase.Fail("insufficient_funds", Now);

        Assert.Equal((PurchaseStatus.Failed, "insufficient_funds", (DateTimeOffset?)Now), (purchase.Status, purchase.FailureCode, purchase.FailedAt));
    }

    [Theory]
    [InlineData("prepaid", CreditKind.Prepaid)]
    [InlineData("sms", CreditKind.Sms)]
    [InlineData("compatibility", CreditKind.Compatibility)]
    public void A_credit_kind_reads_back_the_name_it_is_written_with(string name, CreditKind kind)
    {
        Assert.Equal(kind, CreditKindNames.Parse(name));
        Assert.Equal(name, CreditKindNames.Name(kind));
    }

    [Theory]
    [InlineData("Prepaid")]
    [InlineData("credits")]
    [InlineData("")]
    public void An_unknown_credit_kind_is_not_found(string name)
    {
        var problem = Assert.Throws<ProblemException>(() => CreditKindNames.Parse(name));

        Assert.Equal((404, ProblemTypes.Uri("not-found")), (problem.Status, problem.Type));
    }

    [Fact]
    public void An_unknown_credit_kind_answer_names_the_kinds_there_are()
    {
        var problem = Assert.Throws<ProblemException>(() => CreditKindNames.Parse("points"));

        Assert.Equal(("Not found", "Credit kinds are prepaid, sms and compatibility."), (problem.Title, problem.Detail));
    }

    [Fact]
    public void A_followed_account_records_its_plan_partner_and_times()
    {
        var accountId = Guid.NewGuid();
        var partnerId = Guid.NewGuid();
        var plan = new AccountPlan("marketing", "professional", 1000, null, [new AddOnQuantity("sms", 1)], "monthly");

        var account = CreditAccount.Follow(accountId, partnerId, plan, TestCatalog.Default, Now, AccountStatuses.Active);

        Assert.Equal((accountId, (Guid?)partnerId, "marketing", "professional"), (account.AccountId, account.PartnerId, account.Product, account.Tier));
        Assert.Equal((AccountStatuses.Active, Now, Now), (account.Status, account.StatusChangedAt, account.UpdatedAt));
        Assert.True(account.PlanKnown);
        Assert.True(account.InService);
    }

    [Fact]
    public void A_status_of_the_same_instant_as_the_known_one_replaces_it()
    {
        var account = CreditAccount.FromStatus(Guid.NewGuid(), null, AccountStatuses.Active, Now);

        account.StatusChanged(AccountStatuses.Cancelled, Now);

        Assert.Equal((AccountStatuses.Cancelled, Now), (account.Status, account.StatusChangedAt));
        Assert.Null(account.PartnerId);
        Assert.Equal(DateTimeOffset.MinValue, account.UpdatedAt);
    }

    [Fact]
    public void A_plan_change_and_a_transfer_record_when_they_happened()
    {
        var account = CreditAccount.Follow(Guid.NewGuid(), Guid.NewGuid(), new AccountPlan("marketing", "plus", 1000, null, [], "monthly"), TestCatalog.Default, Now);

        account.Plan(new AccountPlan("shared-contacts", "standard", null, 3, [], "monthly"), null, TestCatalog.Default, Now.AddDays(1));
        Assert.Equal(("shared-contacts", "standard", Now.AddDays(1)), (account.Product, account.Tier, account.UpdatedAt));

        account.TransferredOut(Now.AddDays(2));
        Assert.Equal(Now.AddDays(2), account.UpdatedAt);

        account.TransferredIn(Guid.NewGuid(), new AccountPlan("marketing", "enterprise", 1000, null, [new AddOnQuantity("sms", 2)], "annual"), TestCatalog.Default, Now.AddDays(3));
        Assert.Equal(("marketing", "enterprise", Now.AddDays(3)), (account.Product, account.Tier, account.UpdatedAt));
        Assert.True(account.SmsAllowed);
        Assert.True(account.SmsEnabled);
    }

    [Fact]
    public void An_unknown_product_or_tier_carries_no_sms()
    {
        Assert.False(CreditAccount.CarriesSms(new AccountPlan("faxes", "plus", 1000, null, [new AddOnQuantity("sms", 1)], "monthly"), TestCatalog.Default));
        Assert.False(CreditAccount.CarriesSms(new AccountPlan("marketing", "gold", 1000, null, [new AddOnQuantity("sms", 1)], "monthly"), TestCatalog.Default));
        Assert.False(CreditAccount.CarriesSms(new AccountPlan("marketing", "plus", 1000, null, [new AddOnQuantity("conversations", 1)], "monthly"), TestCatalog.Default));
        Assert.True(CreditAccount.CarriesSms(new AccountPlan("marketing", "plus", 1000, null, [new AddOnQuantity("conversations", 1), new AddOnQuantity("sms", 1)], "monthly"), TestCatalog.Default));
    }

    [Fact]
    public void A_tier_that_allows_sms_still_needs_the_product_to_sell_the_sms_add_on()
    {
        var marketing = TestCatalog.Default.FindProduct("marketing")!;
        var withoutSms = TestCatalog.Default with
        {
            Products = [marketing with { AddOns = marketing.AddOns!.Where(a => a.Code != CreditAccount.SmsAddOn).ToList() }],
        };

        Assert.False(CreditAccount.CarriesSms(new AccountPlan("marketing", "plus", 1000, null, [new AddOnQuantity("sms", 1)], "monthly"), withoutSms));
    }
}
