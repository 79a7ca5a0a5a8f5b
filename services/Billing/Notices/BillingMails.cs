using System.Globalization;

using Reseller.Billing.FollowedAccounts;
using Reseller.Contracts.Accounts;
using Reseller.Contracts.Billing;
using Reseller.ServiceDefaults.Mail;

namespace Reseller.Billing.Notices;

/// <summary>The billing notices sent to the partner's notification address (never to the customer).</summary>
public static class BillingMails
{
    /// <summary>A failed charge; <paramref name="actionUrl"/> is where the payer authenticates one its bank held for 3-D Secure.</summary>
    public static OutgoingMail PaymentFailed(string to, BilledAccount account, PaymentFailed failed, string? actionUrl = null)
    {
        var amount = Money(failed.AmountDue, failed.Currency);
        if (failed.Final)
        {
            return new OutgoingMail(to, $"Account {account.Name} has expired: invoice {failed.Number} could not be paid",
                $"""
                The last attempt to charge invoice {failed.Number} ({amount}) for the account {account.Name} failed ({failed.FailureCode}).
                The invoice is now uncollectible and the account has expired. Renew it with a new plan to use it again.
                """);
        }
        var next = failed.NextRetryAt is { } at
            ? $"We will try again on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}."
            : "It will not be retried automatically.";
        return new OutgoingMail(to, $"Payment failed for account {account.Name}: invoice {failed.Number} (attempt {failed.Attempt})",
            $"""
            Charging invoice {failed.Number} ({amount}) for the account {account.Name} failed ({failed.FailureCode}), attempt {failed.Attempt}.
            {next}
            {(actionUrl is null ? "" : $"The card's bank asks the card holder to authenticate this payment (3-D Secure): {actionUrl}\n")}Renew the account with another billing profile to pay it at once.
            """);
    }

    public static OutgoingMail PayerChanged(string to, BilledAccount account, string previousPayer) =>
        new(to, $"Account {account.Name} is now paid by the {account.Payer}",
            $"""
            The account {account.Name} was paid by the {previousPayer}; from its next invoice it is paid by the {account.Payer}.
            {(account.Payer == Payers.Customer ? "The customer pays the list price with its own card and sees its invoices; you earn cashback on each paid invoice." : "You pay with your reseller discount and see its invoices.")}
            """);

    private static string Money(long amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount / 100m:0.00} {currency}");
}
