import SettleHTTP

/// An answer that ends a request before its work is done (415, 400 with every problem, 500):
/// what a step of a route returns in place of its value.
struct Refusal: Error {
    let response: HTTPResponse

    init(_ response: HTTPResponse) { self.response = response }
}
