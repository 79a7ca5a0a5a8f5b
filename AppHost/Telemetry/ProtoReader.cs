namespace Reseller.AppHost.Telemetry;

/// <summary>A forward-only reader of the protobuf wire format (varint, fixed64, length-delimited, fixed32): enough for OTLP.</summary>
internal struct ProtoReader(ReadOnlyMemory<byte> buffer)
{
    private const int Varint = 0;
    private const int Fixed64Type = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32Type = 5;

    private int position;
    private int wireType;

    public int Field { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (position >= buffer.Length)
        {
            return false;
        }
        var tag = ReadVarint();
        Field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ulong Varint64() => wireType == Varint ? ReadVarint() : throw Unexpected();

    public ReadOnlyMemory<byte> Bytes()
    {
        if (wireType != LengthDelimited)
        {
            throw Unexpected();
        }
        var length = checked((int)ReadVarint());
        if (length < 0 || position + length > buffer.Length)
        {
            throw new InvalidDataException("A length-delimited field runs past the end of its message.");
        }
        var bytes = buffer.Slice(position, length);
        position += length;
        return bytes;
    }

    public string String() => System.Text.Encoding.UTF8.GetString(Bytes().Span);

    public ulong Fixed64()
    {
        if (wireType != Fixed64Type || position + 8 > buffer.Length)
        {
            throw Unexpected();
        }
        var value = BitConverter.ToUInt64(buffer.Span.Slice(position, 8));
        position += 8;
        return value;
    }

    public double Double() => BitConverter.UInt64BitsToDouble(Fixed64());

    public void Skip()
    {
        switch (wireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64Type:
                position += 8;
                break;
            case LengthDelimited:
                Bytes();
                break;
            case Fixed32Type:
                position += 4;
                break;
            default:
                throw Unexpected();
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= buffer.Length)
            {
                throw new InvalidDataException("A varint runs past the end of its message.");
            }
            var b = buffer.Span[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw new InvalidDataException("A varint is longer than 10 bytes.");
    }

    private readonly InvalidDataException Unexpected() => new($"Field {Field} has an unexpected wire type {wireType}.");
}
