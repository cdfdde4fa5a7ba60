import Hummingbird
import InvoiceAPI

/// Gives every request its `Zuora-Request-Id` and, on Zuora's routes, answers with it and echoes a valid
/// `Zuora-Track-Id` (the pages: "Zuora returns the same value in the response headers"). A track ID that
/// breaks the pages' rules (over 64 characters, not US-ASCII, or with `: ; " '`) is refused with 400.
struct ZuoraHeadersMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let state: SandboxState

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.requestID = state.requestIDs.next()
        guard APIKind(path: request.uri.path).isZuora else {
            return try await next(request, context)
        }
        var echoedTrackID: String?
        var response: Response
        if let trackID = request.headers[.zuoraTrackID], let problem = TrackID.problem(trackID) {
            response = try ProviderError(.badRequest, SandboxFailure(.invalidValue, "Zuora-Track-Id: \(problem)"))
                .response(from: request, context: context)
        } else {
            echoedTrackID = request.headers[.zuoraTrackID]
            context.trackID = echoedTrackID
            response = try await RenderedResponse.of(request, context, next)
        }
        response.headers[.zuoraRequestID] = context.requestID
        if let echoedTrackID { response.headers[.zuoraTrackID] = echoedTrackID }
        return response
    }
}
