// The server's users meet requests, responses and headers through it: the parsing layer below
// (`SettleHTTPCore`, which builds without OpenSSL or sockets) is part of its API.
@_exported import SettleHTTPCore
