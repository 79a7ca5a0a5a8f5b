using System.Globalization;

namespace Reseller.AppHost.Telemetry;

/// <summary>
/// Decodes OTLP export requests (opentelemetry-proto, protobuf wire format) into the store's records. Field numbers follow
/// opentelemetry/proto/{common,resource,trace,logs,metrics}/v1; unknown fields are skipped, as protobuf requires.
/// </summary>
internal static class OtlpDecoder
{
    public static void Traces(ReadOnlyMemory<byte> request, TelemetryStore store)
    {
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field != 1)
            {
                reader.Skip();
                continue;
            }
            // ResourceSpans: resource = 1, scope_spans = 2; ScopeSpans: spans = 2.
            var (resource, scopes) = ResourceAnd(reader.Bytes());
            foreach (var scope in scopes)
            {
                foreach (var span in Repeated(scope, 2))
                {
                    store.Add(Span(span, resource));
                }
            }
        }
    }

    public static void Logs(ReadOnlyMemory<byte> request, TelemetryStore store)
    {
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field != 1)
            {
                reader.Skip();
                continue;
            }
            var (resource, scopes) = ResourceAnd(reader.Bytes());
            foreach (var scope in scopes)
            {
                foreach (var record in Repeated(scope, 2))
                {
                    store.Add(Log(record, resource));
                }
            }
        }
    }

    public static void Metrics(ReadOnlyMemory<byte> request, TelemetryStore store)
    {
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field != 1)
            {
                reader.Skip();
                continue;
            }
            var (resource, scopes) = ResourceAnd(reader.Bytes());
            foreach (var scope in scopes)
            {
                foreach (var metric in Repeated(scope, 2))
                {
                    Metric(metric, resource, store);
                }
            }
        }
    }

    private sealed record Origin(string Service, string Instance);

    /// <summary>Resource{Spans,Logs,Metrics}: resource = 1 (attributes = 1), scope_* = 2.</summary>
    private static (Origin Resource, List<ReadOnlyMemory<byte>> Scopes) ResourceAnd(ReadOnlyMemory<byte> message)
    {
        var attributes = new List<TelemetryTag>();
        var scopes = new List<ReadOnlyMemory<byte>>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1:
                    attributes.AddRange(Repeated(reader.Bytes(), 1).Select(Attribute));
                    break;
                case 2:
                    scopes.Add(reader.Bytes());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        var service = attributes.FirstOrDefault(a => a.Key == "service.name")?.Value ?? "unknown";
        var instance = attributes.FirstOrDefault(a => a.Key == "service.instance.id")?.Value ?? service;
        return (new Origin(service, instance), scopes);
    }

    /// <summary>Span: trace_id 1, span_id 2, parent_span_id 4, name 5, kind 6, start 7, end 8, attributes 9, events 11, status 15.</summary>
    private static StoredSpan Span(ReadOnlyMemory<byte> message, Origin origin)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null, statusMessage = null;
        var kind = 0;
        ulong start = 0, end = 0;
        var isError = false;
        var attributes = new List<TelemetryTag>();
        var events = new List<StoredSpanEvent>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: traceId = Hex(reader.Bytes()); break;
                case 2: spanId = Hex(reader.Bytes()); break;
                case 4: parent = Hex(reader.Bytes()) is { Length: > 0 } id ? id : null; break;
                case 5: name = reader.String(); break;
                case 6: kind = (int)reader.Varint64(); break;
                case 7: start = reader.Fixed64(); break;
                case 8: end = reader.Fixed64(); break;
                case 9: attributes.Add(Attribute(reader.Bytes())); break;
                case 11: events.Add(Event(reader.Bytes())); break;
                case 15: (isError, statusMessage) = Status(reader.Bytes()); break;
                default: reader.Skip(); break;
            }
        }
        return new StoredSpan(origin.Service, origin.Instance, traceId, spanId, parent, name, kind, Time(start), Time(end), isError, statusMessage, attributes, events);
    }

    /// <summary>Span.Event: time 1, name 2, attributes 3.</summary>
    private static StoredSpanEvent Event(ReadOnlyMemory<byte> message)
    {
        ulong time = 0;
        var name = "";
        var attributes = new List<TelemetryTag>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: time = reader.Fixed64(); break;
                case 2: name = reader.String(); break;
                case 3: attributes.Add(Attribute(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        return new StoredSpanEvent(name, Time(time), attributes);
    }

    /// <summary>Status: message 2, code 3 (2 = error).</summary>
    private static (bool IsError, string? Message) Status(ReadOnlyMemory<byte> message)
    {
        var isError = false;
        string? text = null;
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 2: text = reader.String(); break;
                case 3: isError = reader.Varint64() == 2; break;
                default: reader.Skip(); break;
            }
        }
        return (isError, text);
    }

    /// <summary>LogRecord: time 1, severity_number 2, severity_text 3, body 5, attributes 6, trace_id 9, span_id 10, observed_time 11.</summary>
    private static StoredLog Log(ReadOnlyMemory<byte> message, Origin origin)
    {
        ulong time = 0, observed = 0;
        var severity = 0;
        string? severityText = null, traceId = null, spanId = null;
        var body = "";
        var attributes = new List<TelemetryTag>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: time = reader.Fixed64(); break;
                case 2: severity = (int)reader.Varint64(); break;
                case 3: severityText = reader.String(); break;
                case 5: body = AnyValue(reader.Bytes()); break;
                case 6: attributes.Add(Attribute(reader.Bytes())); break;
                case 9: traceId = Hex(reader.Bytes()) is { Length: > 0 } t ? t : null; break;
                case 10: spanId = Hex(reader.Bytes()) is { Length: > 0 } s ? s : null; break;
                case 11: observed = reader.Fixed64(); break;
                default: reader.Skip(); break;
            }
        }
        return new StoredLog(origin.Service, origin.Instance, Time(time != 0 ? time : observed), severity, severityText ?? Level(severity), body, traceId, spanId, attributes);
    }

    /// <summary>Metric: name 1, description 2, unit 3, gauge 5, sum 7, histogram 9 (each with data_points = 1).</summary>
    private static void Metric(ReadOnlyMemory<byte> message, Origin origin, TelemetryStore store)
    {
        string name = "", description = "", unit = "";
        var data = new List<(string Type, ReadOnlyMemory<byte> Body)>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: name = reader.String(); break;
                case 2: description = reader.String(); break;
                case 3: unit = reader.String(); break;
                case 5: data.Add(("gauge", reader.Bytes())); break;
                case 7: data.Add(("sum", reader.Bytes())); break;
                case 9: data.Add(("histogram", reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        foreach (var (type, body) in data)
        {
            foreach (var point in Repeated(body, 1))
            {
                var (dimensions, value) = type == "histogram" ? HistogramPoint(point) : NumberPoint(point);
                store.Add(origin.Service, origin.Instance, name, unit, description, type, dimensions, value);
            }
        }
    }

    /// <summary>NumberDataPoint: time 3, as_double 4, as_int 6 (sfixed64), attributes 7.</summary>
    private static (List<TelemetryTag>, MetricPoint) NumberPoint(ReadOnlyMemory<byte> message)
    {
        ulong time = 0;
        double value = 0;
        var attributes = new List<TelemetryTag>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 3: time = reader.Fixed64(); break;
                case 4: value = reader.Double(); break;
                case 6: value = unchecked((long)reader.Fixed64()); break;
                case 7: attributes.Add(Attribute(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        return (attributes, new MetricPoint(Time(time), value));
    }

    /// <summary>HistogramDataPoint: time 3, count 4, sum 5, attributes 9; the point's value is the mean.</summary>
    private static (List<TelemetryTag>, MetricPoint) HistogramPoint(ReadOnlyMemory<byte> message)
    {
        ulong time = 0, count = 0;
        double sum = 0;
        var attributes = new List<TelemetryTag>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 3: time = reader.Fixed64(); break;
                case 4: count = reader.Fixed64(); break;
                case 5: sum = reader.Double(); break;
                case 9: attributes.Add(Attribute(reader.Bytes())); break;
                default: reader.Skip(); break;
            }
        }
        return (attributes, new MetricPoint(Time(time), count == 0 ? 0 : sum / count, (long)count, sum));
    }

    /// <summary>KeyValue: key 1, value 2.</summary>
    private static TelemetryTag Attribute(ReadOnlyMemory<byte> message)
    {
        var key = "";
        var value = "";
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            switch (reader.Field)
            {
                case 1: key = reader.String(); break;
                case 2: value = AnyValue(reader.Bytes()); break;
                default: reader.Skip(); break;
            }
        }
        return new TelemetryTag(key, value);
    }

    /// <summary>AnyValue: string 1, bool 2, int 3, double 4, array 5, kvlist 6, bytes 7.</summary>
    private static string AnyValue(ReadOnlyMemory<byte> message)
    {
        var reader = new ProtoReader(message);
        var text = "";
        while (reader.Next())
        {
            text = reader.Field switch
            {
                1 => reader.String(),
                2 => reader.Varint64() != 0 ? "true" : "false",
                3 => unchecked((long)reader.Varint64()).ToString(CultureInfo.InvariantCulture),
                4 => reader.Double().ToString(CultureInfo.InvariantCulture),
                5 => "[" + string.Join(", ", Repeated(reader.Bytes(), 1).Select(AnyValue)) + "]",
                6 => "{" + string.Join(", ", Repeated(reader.Bytes(), 1).Select(Attribute).Select(a => $"{a.Key}: {a.Value}")) + "}",
                7 => Convert.ToBase64String(reader.Bytes().Span),
                _ => SkipAndKeep(ref reader, text),
            };
        }
        return text;
    }

    private static string SkipAndKeep(ref ProtoReader reader, string text)
    {
        reader.Skip();
        return text;
    }

    private static List<ReadOnlyMemory<byte>> Repeated(ReadOnlyMemory<byte> message, int field)
    {
        var found = new List<ReadOnlyMemory<byte>>();
        var reader = new ProtoReader(message);
        while (reader.Next())
        {
            if (reader.Field == field)
            {
                found.Add(reader.Bytes());
            }
            else
            {
                reader.Skip();
            }
        }
        return found;
    }

    private static string Hex(ReadOnlyMemory<byte> bytes) => bytes.Span.ContainsAnyExcept((byte)0) ? Convert.ToHexStringLower(bytes.Span) : "";

    private static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    /// <summary>The OTLP severity number's level: 1-4 trace, 5-8 debug, 9-12 information, 13-16 warning, 17-20 error, 21-24 critical.</summary>
    private static string Level(int severity) => severity switch
    {
        <= 0 => "Unspecified",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };
}
