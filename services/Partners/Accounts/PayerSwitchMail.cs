using Reseller.Contracts.Accounts;
using Reseller.ServiceDefaults.Ids;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.Partners.Accounts;

public static class PayerSwitchMail
{
    public static OutgoingMail For(PayerChanged changed)
    {
        var account = PublicId.Format("acc", changed.AccountId);
        var who = changed.Payer == FollowedAccount.PayerCustomer
            ? "The customer now pays for this account at the list price; you earn cashback on its paid invoices and no longer see them."
            : "Your agency now pays for this account, at the list price less your reseller discount.";
        return new OutgoingMail(
            changed.NotificationEmail,
            $"Payer changed for account {account}",
            $"""
            The payer of account {account} changed from {changed.PreviousPayer} to {changed.Payer} on {changed.ChangedAt:yyyy-MM-dd HH:mm} UTC.
            {who}
            It applies from the next invoice.
            """);
    }
}
