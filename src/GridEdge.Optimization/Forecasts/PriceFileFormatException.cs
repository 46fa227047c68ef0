namespace GridEdge.Optimization.Forecasts;

/// <summary>A price or forecast file that does not follow its format; the message names the line and the field.</summary>
public sealed class PriceFileFormatException : Exception
{
    public PriceFileFormatException()
    {
    }

    public PriceFileFormatException(string message)
        : base(message)
    {
    }

    public PriceFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
