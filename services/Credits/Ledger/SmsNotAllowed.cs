using Reseller.ServiceDefaults.Problems;

namespace Reseller.Credits.Ledger;

public static class SmsNotAllowed
{
    public static ProblemException Problem() => ProblemException.Unprocessable(
        "sms-not-allowed", "This account cannot use SMS",
        "SMS credit is assigned to and spent by an account with the sms add-on on a marketing tier other than lite.");
}
