"""A Modbus server built from pymodbus's own framers, decoder and datastore (no pyserial needed).

Usage: pymodbus_peer.py tcp PORT DATA.json LIFETIME_S | rtu PTY DATA.json LIFETIME_S
DATA.json: {"UNIT": {"hr": {"ADDR": VALUE}, "ir": {...}, "co": {...}, "di": {...}}}
Addresses are 0-based as on the wire (zero_mode); unmapped addresses answer exception 02.
"""
import asyncio
import json
import os
import sys
import tty

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSparseDataBlock
from pymodbus.factory import ServerDecoder
from pymodbus.transaction import ModbusRtuFramer, ModbusSocketFramer


def context(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    slaves = {}
    for unit, tables in data.items():
        blocks = {k: ModbusSparseDataBlock({int(a): v for a, v in tables.get(k, {}).items()} or {65535: 0}) for k in ("hr", "ir", "co", "di")}
        slaves[int(unit)] = ModbusSlaveContext(hr=blocks["hr"], ir=blocks["ir"], co=blocks["co"], di=blocks["di"], zero_mode=True)
    return ModbusServerContext(slaves=slaves, single=False)


def answer(ctx, request):
    if request.unit_id not in ctx:
        return None
    response = request.execute(ctx[request.unit_id])
    response.transaction_id = request.transaction_id
    response.unit_id = request.unit_id
    return response


async def serve_tcp(port, ctx):
    units = list(ctx.slaves())

    async def client(reader, writer):
        framer = ModbusSocketFramer(ServerDecoder())
        while data := await reader.read(1024):
            replies = []
            framer.processIncomingPacket(data, replies.append, units, single=False)
            for request in replies:
                response = answer(ctx, request)
                if response is not None:
                    writer.write(framer.buildPacket(response))
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(client, "127.0.0.1", port)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


async def serve_rtu(path, ctx):
    fd = os.open(path, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
    tty.setraw(fd)
    framer = ModbusRtuFramer(ServerDecoder())
    units = list(ctx.slaves())
    loop = asyncio.get_running_loop()

    def readable():
        try:
            data = os.read(fd, 512)
        except BlockingIOError:
            return
        replies = []
        framer.processIncomingPacket(data, replies.append, units, single=False)
        for request in replies:
            response = answer(ctx, request)
            if response is not None:
                os.write(fd, framer.buildPacket(response))

    loop.add_reader(fd, readable)
    print("ready", flush=True)
    await asyncio.Event().wait()


async def main():
    mode, target, data, lifetime = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    ctx = context(data)
    serve = serve_tcp(int(target), ctx) if mode == "tcp" else serve_rtu(target, ctx)
    try:
        await asyncio.wait_for(serve, lifetime)
    except asyncio.TimeoutError:
        pass


asyncio.run(main())
