using System.Diagnostics;

using OpenTelemetry;

namespace Reseller.ServiceDefaults.Telemetry;

/// <summary>
/// Takes link secrets out of every finished span before it is exported, whichever instrumentation named the URL:
/// ASP.NET Core (<c>url.path</c>), HttpClient and YARP's forwarded call (<c>url.full</c>), and the older names.
/// </summary>
public sealed class LinkTokenRedactingProcessor : BaseProcessor<Activity>
{
    private static readonly string[] UrlTags = ["url.path", "url.full", "url.original", "http.target", "http.url"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in UrlTags)
        {
            if (data.GetTagItem(tag) is string value && LinkTokens.Redact(value) is { } redacted && redacted != value)
            {
                data.SetTag(tag, redacted);
            }
        }
        if (LinkTokens.Redact(data.DisplayName) is { } name && name != data.DisplayName)
        {
            data.DisplayName = name;
        }
    }
}
