namespace GridEdge.Modbus;

/// <summary>
/// Byte order of a multi-register value, named by where the bytes A (most significant) … D land:
/// ABCD big-endian, CDAB low word first, BADC bytes swapped in each word, DCBA little-endian.
/// For 64-bit values the same rule extends to four words.
/// </summary>
public enum WordOrder
{
    ABCD,
    CDAB,
    BADC,
    DCBA,
}
