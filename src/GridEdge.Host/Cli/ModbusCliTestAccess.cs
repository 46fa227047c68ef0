using System.Runtime.CompilerServices;

// The `modbus` verbs are tested in-process against simulated devices next to the device drivers.
[assembly: InternalsVisibleTo("GridEdge.Devices.Tests")]
