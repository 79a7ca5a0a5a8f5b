namespace Reseller.ServiceDefaults.Auth;

public static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew) =>
        expires is not null
        && (notBefore is null || notBefore.Value <= now.UtcDateTime + skew)
        && expires.Value > now.UtcDateTime - skew;
}
