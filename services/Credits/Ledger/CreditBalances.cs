using Reseller.ServiceDefaults.Http;

namespace Reseller.Credits.Ledger;

public sealed record CreditBalances(MoneyAmount Prepaid, long Sms, long Compatibility);
