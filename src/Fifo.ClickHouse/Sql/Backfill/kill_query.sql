-- Stops a batch query the client gave up on (a pause or cancel, a client timeout): the driver's own cancellation
-- only drops the request.
KILL QUERY WHERE query_id = {queryId:String} ASYNC
