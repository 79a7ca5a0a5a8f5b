using System.Security.Cryptography;
using System.Text;

namespace Reseller.Partners.Webhooks.Sending;

/// <summary>Reseller-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;raw body&gt;")&gt; (one v1 per live secret).</summary>
public static class WebhookSignature
{
    public const string Header = "Reseller-Signature";
    public const string EventIdHeader = "Reseller-Event-Id";

    public static string Sign(IEnumerable<string> secrets, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{unixSeconds}.{body}");
        var parts = secrets.Select(s => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(s), signed)));
        return $"t={unixSeconds}," + string.Join(',', parts);
    }

    /// <summary>What a receiver does: true when one v1 matches the secret and t is within the tolerance of now.</summary>
    public static bool Verify(string header, string body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        var fields = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        if (!long.TryParse(fields.FirstOrDefault(f => f[0] == "t")?[1], out var t)
            || (now - DateTimeOffset.FromUnixTimeSeconds(t)).Duration() > tolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign([secret], t, body).Split(",v1=")[1]);
        return fields.Where(f => f[0] == "v1").Any(f => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(f[1]), expected));
    }
}
