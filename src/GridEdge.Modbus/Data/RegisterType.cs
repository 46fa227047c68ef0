using System.Diagnostics.CodeAnalysis;

namespace GridEdge.Modbus;

/// <summary>How consecutive registers hold a number.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are the data type names of the Modbus world (CLI --type, profiles).")]
public enum RegisterType
{
    Int16,
    UInt16,
    Int32,
    UInt32,
    Float32,
    Int64,
    UInt64,
    Float64,

    /// <summary>SunSpec acc32: an unsigned energy accumulator where 0 means "not accumulated".</summary>
    Acc32,

    /// <summary>SunSpec acc64.</summary>
    Acc64,
}
