namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// Reads just enough of an OTLP ExportTraceServiceRequest (protobuf wire format) to know which service sent which span of
/// which trace: resource_spans(1) → resource(1).attributes(1){key(1), value(2).string_value(1)}; scope_spans(2) →
/// spans(2){trace_id(1), parent_span_id(4), name(5), kind(6)}.
/// </summary>
public static class OtlpProtobuf
{
    public static IEnumerable<ReceivedSpan> ReadSpans(byte[] request)
    {
        foreach (var resourceSpans in Fields(request, 1))
        {
            var service = Fields(resourceSpans, 1).SelectMany(resource => Fields(resource, 1))
                .Select(Attribute)
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "unknown";
            foreach (var span in Fields(resourceSpans, 2).SelectMany(scope => Fields(scope, 2)))
            {
                var traceId = Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []);
                var name = System.Text.Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []);
                var isRoot = Fields(span, 4).All(parent => parent.Length == 0);
                yield return new ReceivedSpan(service, traceId, name, IsUnprompted: isRoot && Varint(span, 6) == ClientKind);
            }
        }
    }

    private const ulong ClientKind = 3;

    private static (string Key, string? Value) Attribute(byte[] keyValue)
    {
        var key = System.Text.Encoding.UTF8.GetString(Fields(keyValue, 1).FirstOrDefault() ?? []);
        var value = Fields(keyValue, 2).SelectMany(any => Fields(any, 1)).Select(v => System.Text.Encoding.UTF8.GetString(v)).FirstOrDefault();
        return (key, value);
    }

    /// <summary>The length-delimited fields with the given number.</summary>
    private static List<byte[]> Fields(byte[] message, int number) =>
        Entries(message).Where(e => e.Number == number && e.Bytes is not null).Select(e => e.Bytes!).ToList();

    /// <summary>The first varint field with the given number, or 0 (protobuf's default) when absent.</summary>
    private static ulong Varint(byte[] message, int number) =>
        Entries(message).FirstOrDefault(e => e.Number == number && e.Bytes is null).Varint;

    /// <summary>Each top-level field: its number and either its bytes (length-delimited) or its varint; fixed-width ones are skipped.</summary>
    private static IEnumerable<(int Number, byte[]? Bytes, ulong Varint)> Entries(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = ReadVarint(message, ref position);
            var field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    yield return (field, null, ReadVarint(message, ref position));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return (field, message[position..(position + length)], 0);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported wire type in field {field}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
