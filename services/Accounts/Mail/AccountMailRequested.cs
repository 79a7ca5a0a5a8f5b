namespace Reseller.Accounts.Mail;

/// <summary>
/// An e-mail the Accounts service asked for in the same transaction as the change that causes it (an invitation, a reset
/// link); published through the outbox so the mail goes out only once that change has committed. Internal to Accounts.
/// </summary>
public sealed record AccountMailRequested(Guid AccountId, string To, string Subject, string TextBody);
