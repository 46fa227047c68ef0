using System.Buffers;

namespace GridEdge.Devices.Mqtt;

/// <summary>Called for every message on a subscribed topic filter; must not block (it runs on the client's receive loop).</summary>
public delegate void MqttMessageHandler(string topic, ReadOnlySequence<byte> payload, bool retained);
