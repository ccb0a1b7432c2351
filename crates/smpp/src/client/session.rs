//! The task that keeps one bind up: connect, bind, submit through the window within the rate,
//! answer the SMSC, reconnect with backoff.

use super::*;

pub(super) struct Session {
    pub(super) shared: Arc<Shared>,
    pub(super) role: Role,
    /// Which of the client's binds (0-based).
    pub(super) index: usize,
    pub(super) cmd_rx: Option<mpsc::Receiver<Cmd>>,
    pub(super) inbound: Inbound,
    pub(super) stop: watch::Receiver<bool>,
    pub(super) companion: Option<(watch::Sender<bool>, JoinHandle<()>)>,
    pub(super) msgs: HashMap<u64, MsgState>,
    pub(super) pending: VecDeque<Part>,
    pub(super) throttled: Vec<Part>,
    pub(super) paused_until: Option<Instant>,
    pub(super) next_msg: u64,
    pub(super) next_ord: u64,
    pub(super) closing: Option<Instant>,
    pub(super) shutdown_waiters: Vec<oneshot::Sender<()>>,
}

impl Session {
    pub(super) fn new(
        shared: Arc<Shared>,
        role: Role,
        index: usize,
        cmd_rx: Option<mpsc::Receiver<Cmd>>,
        inbound: Inbound,
        stop: watch::Receiver<bool>,
    ) -> Self {
        Session {
            shared,
            role,
            index,
            cmd_rx,
            inbound,
            stop,
            companion: None,
            msgs: HashMap::new(),
            pending: VecDeque::new(),
            throttled: Vec::new(),
            paused_until: None,
            next_msg: 0,
            next_ord: 0,
            closing: None,
            shutdown_waiters: Vec::new(),
        }
    }

    pub(super) fn cfg(&self) -> &SmppConfig {
        &self.shared.config
    }

    pub(super) fn has_work(&self) -> bool {
        !self.msgs.is_empty()
    }

    pub(super) fn accepting(&self) -> bool {
        self.cmd_rx.is_some()
            && self.closing.is_none()
            && self.pending.len() < self.cfg().queue_capacity.max(16)
    }

    pub(super) fn stopping(&self) -> bool {
        *self.stop.borrow() || self.stop.has_changed().is_err()
    }

    pub(super) fn on_cmd(&mut self, cmd: Option<Cmd>) {
        match cmd {
            Some(Cmd::Submit(job)) if self.hand_over() => {
                let _ = job.reply.send(Err(SubmitError::BindLost));
            }
            Some(Cmd::Submit(job)) => {
                let id = self.next_msg;
                self.next_msg += 1;
                let n = job.parts.len();
                for (index, p) in job.parts.into_iter().enumerate() {
                    let ord = self.next_ord;
                    self.next_ord += 1;
                    self.pending.push_back(Part {
                        msg: id,
                        index,
                        ord,
                        body: p.body,
                        segments: p.segments,
                        sends: 0,
                    });
                }
                self.msgs.insert(
                    id,
                    MsgState {
                        ids: vec![None; n],
                        remaining: n,
                        reply: job.reply,
                    },
                );
            }
            Some(Cmd::Shutdown(tx)) => {
                self.shutdown_waiters.push(tx);
                if self.closing.is_none() {
                    info!(bind = self.role.name(), "SMPP shutdown requested");
                    self.closing = Some(Instant::now() + self.cfg().shutdown_timeout);
                }
            }
            None => {
                if self.closing.is_none() {
                    self.closing = Some(Instant::now() + self.cfg().shutdown_timeout);
                }
            }
        }
    }

    /// True when this sending bind is down while another is up: its messages go to the others
    /// instead of waiting here for the reconnect.
    pub(super) fn hand_over(&self) -> bool {
        self.role != Role::Receiver
            && self.closing.is_none()
            && !self.shared.bound[self.index].load(Ordering::Acquire)
            && self
                .shared
                .bound
                .iter()
                .enumerate()
                .any(|(i, b)| i != self.index && b.load(Ordering::Acquire))
    }

    /// Marks this sending bind up or down for the client's choice of bind.
    fn set_bound(&self, up: bool) {
        if self.role != Role::Receiver {
            self.shared.bound[self.index].store(up, Ordering::Release);
        }
    }

    /// Fails every message this bind holds with [`SubmitError::BindLost`], so that the caller
    /// sends it through a bind that is up (after the connection was lost and another is up).
    fn hand_over_all(&mut self) {
        if self.msgs.is_empty() || !self.hand_over() {
            return;
        }
        info!(
            bind = self.role.name(),
            session = self.index,
            messages = self.msgs.len(),
            "bind lost: its messages go to the binds that are up"
        );
        for (_, m) in self.msgs.drain() {
            let _ = m.reply.send(Err(SubmitError::BindLost));
        }
        self.pending.clear();
        self.throttled.clear();
    }

    /// True once shutdown may proceed to unbind.
    pub(super) fn drained(&self) -> bool {
        match self.role {
            Role::Receiver => self.stopping(),
            _ => {
                self.closing.is_some()
                    && (!self.has_work() || self.closing.is_some_and(|d| Instant::now() >= d))
            }
        }
    }

    pub(super) async fn run(mut self) {
        let mut delay = self.cfg().reconnect_min;
        loop {
            if self.drained() {
                break;
            }
            match self.connect().await {
                Ok(mut conn) => {
                    delay = self.cfg().reconnect_min;
                    self.inbound.new_connection();
                    bump(&self.shared.stats.binds);
                    info!(bind = self.role.name(), session = self.index, "SMPP bound");
                    self.set_bound(true);
                    self.inbound
                        .emit(Event::Bound {
                            bind: self.role.name(),
                            session: self.index,
                        })
                        .await;
                    let end = self.serve(&mut conn).await;
                    self.set_bound(false);
                    self.requeue(&mut conn);
                    self.hand_over_all();
                    drop(conn);
                    match end {
                        End::Closed => {
                            self.inbound.redeliveries.connection_closed();
                            break;
                        }
                        End::Lost(reason) => {
                            self.inbound
                                .redeliveries
                                .connection_lost(std::time::Instant::now());
                            self.lost(reason).await
                        }
                    }
                }
                Err(reason) => self.lost(reason).await,
            }
            if self.drained() {
                break;
            }
            self.wait(delay).await;
            delay = (delay * 2).min(self.cfg().reconnect_max);
        }
        self.finish().await;
    }

    pub(super) async fn lost(&mut self, reason: SessionError) {
        let reason = reason.to_string();
        bump(&self.shared.stats.disconnects);
        warn!(bind = self.role.name(), session = self.index, %reason, "SMPP connection lost; reconnecting");
        self.inbound
            .emit(Event::Disconnected {
                bind: self.role.name(),
                session: self.index,
                reason,
            })
            .await;
    }

    /// Waits before reconnecting while still queueing new submits.
    pub(super) async fn wait(&mut self, d: Duration) {
        let until = Instant::now() + d;
        loop {
            // Registered before the flag is read, so that a shutdown in between still wakes us.
            let shared = self.shared.clone();
            let shutdown = shared.shutdown_notify.notified();
            tokio::pin!(shutdown);
            shutdown.as_mut().enable();
            // Shut down while no bind is up: nothing in flight can be acknowledged any more.
            if self.shared.shutting_down.load(Ordering::Acquire) {
                self.closing = Some(Instant::now());
            }
            if self.drained() {
                return;
            }
            let closing_at = self.closing;
            tokio::select! {
                _ = shutdown => {}
                _ = sleep_until(until) => return,
                c = recv_cmd(&mut self.cmd_rx), if self.accepting() => self.on_cmd(c),
                _ = sleep_until(closing_at.unwrap_or(until)), if closing_at.is_some() => {}
                _ = self.stop.changed(), if self.role == Role::Receiver => {}
            }
        }
    }

    pub(super) async fn finish(&mut self) {
        // Fail what is left, refuse what is still queued.
        for (_, m) in self.msgs.drain() {
            let _ = m.reply.send(Err(SubmitError::Shutdown));
        }
        self.pending.clear();
        if let Some(rx) = self.cmd_rx.as_mut() {
            rx.close();
            while let Ok(c) = rx.try_recv() {
                match c {
                    Cmd::Submit(job) => {
                        let _ = job.reply.send(Err(SubmitError::Shutdown));
                    }
                    Cmd::Shutdown(tx) => self.shutdown_waiters.push(tx),
                }
            }
        }
        if let Some((stop, handle)) = self.companion.take() {
            let _ = stop.send(true);
            let _ = handle.await;
        }
        for w in self.shutdown_waiters.drain(..) {
            let _ = w.send(());
        }
        info!(bind = self.role.name(), "SMPP client stopped");
    }

    /// Runs one bound connection until it is lost or closed.
    pub(super) async fn serve(&mut self, conn: &mut Conn) -> End {
        let every = self.cfg().enquire_link_interval;
        let mut enquire = interval_at(Instant::now() + every, every);
        enquire.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let mut house = interval(Duration::from_millis(100));
        house.set_missed_tick_behavior(MissedTickBehavior::Delay);
        loop {
            let wake = match self.fill(conn) {
                Ok(w) => w,
                Err(e) => return e,
            };
            if self.drained() {
                return self.unbind(conn).await;
            }
            if let Err(e) = conn.flush() {
                return e;
            }
            let closing_at = self.closing;
            tokio::select! {
                f = conn.reader.next() => {
                    // Handle every frame already read (up to a bound) before waiting again: one
                    // wake-up and one write for a burst of responses and receipts.
                    let mut next = Some(f);
                    let mut handled = 0;
                    while let Some(f) = next.take() {
                        match f {
                            Some(Ok(frame)) => {
                                if let Err(e) = self.on_frame(conn, frame).await {
                                    return e;
                                }
                            }
                            Some(Err(e)) => return End::Lost(SessionError::Read(e.to_string())),
                            None => return End::Lost(SessionError::ClosedBySmsc),
                        }
                        handled += 1;
                        if handled < BURST {
                            next = conn.reader.next().now_or_never();
                        }
                    }
                }
                c = recv_cmd(&mut self.cmd_rx), if self.accepting() => {
                    self.on_cmd(c);
                    let mut taken = 1;
                    while taken < BURST && self.accepting() {
                        match self.cmd_rx.as_mut().map(|rx| rx.try_recv()) {
                            Some(Ok(c)) => self.on_cmd(Some(c)),
                            _ => break,
                        }
                        taken += 1;
                    }
                }
                _ = sleep_until(wake.unwrap_or_else(Instant::now)), if wake.is_some() => {}
                _ = enquire.tick() => {
                    let seq = conn.next_seq();
                    if let Err(e) = conn.send_pdu(&Pdu::new(seq, Body::EnquireLink)) {
                        return e;
                    }
                    if conn.enquire_deadline.is_none() {
                        conn.enquire_deadline = Some(Instant::now() + self.cfg().response_timeout);
                    }
                }
                _ = house.tick() => {
                    let now = Instant::now();
                    if conn.enquire_deadline.is_some_and(|d| now >= d) {
                        return End::Lost(SessionError::EnquireLinkTimeout);
                    }
                    let t = self.cfg().response_timeout;
                    if conn.in_flight.values().any(|f| now.duration_since(f.sent_at) >= t) {
                        return End::Lost(SessionError::SubmitRespTimeout);
                    }
                    for seq in self.inbound.expire().await {
                        if let Err(e) = conn.send_pdu(&deliver_resp(seq, status::ESME_RX_T_APPN)) {
                            return e;
                        }
                    }
                }
                done = next_ack(&mut self.inbound.acks) => {
                    // A stored batch of receipts resolves many at once: answer all that are ready.
                    let mut next = Some(done);
                    while let Some(done) = next {
                        for (seq, st) in self.inbound.answers(done) {
                            if let Err(e) = conn.send_pdu(&deliver_resp(seq, st)) {
                                return e;
                            }
                        }
                        next = self.inbound.acks.next().now_or_never().flatten();
                    }
                }
                _ = sleep_until(closing_at.unwrap_or_else(Instant::now)), if closing_at.is_some() => {}
                _ = self.stop.changed(), if self.role == Role::Receiver => {}
                w = write_some(&mut conn.wr, &mut conn.buf, &mut conn.unflushed),
                    if !conn.buf.is_empty() || conn.unflushed => {
                    if let Err(e) = w {
                        return End::Lost(SessionError::Write(e));
                    }
                }
            }
        }
    }

    /// Sends queued parts while the window, the pause and the rate limit allow. Returns when to try
    /// again if something other than a response or a new message must wake us.
    pub(super) fn fill(&mut self, conn: &mut Conn) -> Result<Option<Instant>, End> {
        if self.role == Role::Receiver {
            return Ok(None);
        }
        let now = Instant::now();
        if let Some(p) = self.paused_until {
            if now < p {
                return Ok(Some(p));
            }
            self.paused_until = None;
        }
        if !self.throttled.is_empty() {
            if !conn.in_flight.is_empty() {
                // Wait until every outstanding submit is answered, so the resend keeps the order.
                return Ok(None);
            }
            let mut t = std::mem::take(&mut self.throttled);
            t.sort_by_key(|p| std::cmp::Reverse(p.ord));
            for p in t {
                self.pending.push_front(p);
            }
        }
        let window = self.cfg().window;
        while conn.in_flight.len() < window {
            let Some(front) = self.pending.front() else {
                break;
            };
            if !self.msgs.contains_key(&front.msg) {
                self.pending.pop_front();
                continue;
            }
            let n = NonZeroU32::new(front.segments.max(1)).unwrap_or(NonZeroU32::MIN);
            match self.shared.limiter.check_n(n) {
                Ok(Ok(())) => {}
                Ok(Err(not_until)) => {
                    let wait = not_until.wait_time_from(DefaultClock::default().now());
                    return Ok(Some(Instant::now() + wait));
                }
                // More segments than the burst: let it through (one message_payload PDU).
                Err(_) => {}
            }
            let Some(mut part) = self.pending.pop_front() else {
                break;
            };
            let seq = conn.next_seq();
            pdu::put_header(
                &mut conn.buf,
                command_id::SUBMIT_SM,
                0,
                seq,
                part.body.len(),
            );
            conn.buf.extend_from_slice(&part.body);
            part.sends += 1;
            bump(&self.shared.stats.parts_sent);
            if part.sends > 1 {
                bump(&self.shared.stats.parts_resent);
            }
            conn.in_flight.insert(seq, InFlight { part, sent_at: now });
        }
        Ok(None)
    }

    /// Puts unacknowledged and throttled parts back at the front of the queue, in original order.
    pub(super) fn requeue(&mut self, conn: &mut Conn) {
        let mut back: Vec<Part> = conn.in_flight.drain().map(|(_, f)| f.part).collect();
        back.append(&mut self.throttled);
        if !back.is_empty() {
            info!(
                parts = back.len(),
                "requeueing unacknowledged submits for the next bind"
            );
        }
        back.sort_by_key(|p| std::cmp::Reverse(p.ord));
        for p in back {
            self.pending.push_front(p);
        }
    }

    pub(super) async fn on_frame(&mut self, conn: &mut Conn, frame: Frame) -> Result<(), End> {
        let pdu = match frame {
            Frame::Pdu(p) => p,
            Frame::Invalid { header, error } => {
                bump(&self.shared.stats.invalid_pdus);
                warn!(command_id = format!("0x{:08x}", header.command_id), %error, "undecodable PDU");
                if header.command_id & 0x8000_0000 == 0 {
                    let nack = Pdu {
                        command_status: status::ESME_RINVCMDLEN,
                        sequence_number: header.sequence_number,
                        body: Body::GenericNack,
                    };
                    conn.send_pdu(&nack)?;
                } else if let Some(f) = conn.in_flight.remove(&header.sequence_number) {
                    // A response we cannot read: the part's fate is unknown, so send it again.
                    self.pending.push_front(f.part);
                }
                return Ok(());
            }
        };
        match pdu.body {
            Body::SubmitSmResp { ref message_id } => {
                let message_id = message_id.clone();
                self.on_submit_resp(conn, pdu.sequence_number, pdu.command_status, message_id);
            }
            Body::GenericNack => {
                if conn.in_flight.contains_key(&pdu.sequence_number) {
                    let st = if pdu.command_status == 0 {
                        status::ESME_RUNKNOWNERR
                    } else {
                        pdu.command_status
                    };
                    self.on_submit_resp(conn, pdu.sequence_number, st, String::new());
                } else {
                    warn!(status = %status::name(pdu.command_status), "generic_nack from SMSC");
                }
            }
            Body::DeliverSm(sm) => {
                if let Some(st) = self.inbound.on_deliver(sm, pdu.sequence_number).await {
                    conn.send_pdu(&deliver_resp(pdu.sequence_number, st))?;
                }
            }
            Body::EnquireLink => conn.send_pdu(&resp(&pdu, Body::EnquireLinkResp))?,
            Body::EnquireLinkResp => conn.enquire_deadline = None,
            Body::Unbind => {
                conn.send_pdu(&resp(&pdu, Body::UnbindResp))?;
                return Err(End::Lost(SessionError::Unbound));
            }
            Body::UnbindResp => {}
            Body::Other { command_id, .. } if command_id & 0x8000_0000 == 0 => {
                let nack = Pdu {
                    command_status: status::ESME_RINVCMDID,
                    sequence_number: pdu.sequence_number,
                    body: Body::GenericNack,
                };
                conn.send_pdu(&nack)?;
            }
            other => debug!(
                command_id = format!("0x{:08x}", other.command_id()),
                "ignored PDU"
            ),
        }
        // Any traffic proves the link is alive.
        Ok(())
    }

    pub(super) fn on_submit_resp(
        &mut self,
        conn: &mut Conn,
        seq: u32,
        st: u32,
        message_id: String,
    ) {
        let Some(f) = conn.in_flight.remove(&seq) else {
            debug!(seq, "submit_sm_resp for an unknown sequence number");
            return;
        };
        let part = f.part;
        match classify(st) {
            StatusClass::Ok => {
                bump(&self.shared.stats.parts_accepted);
                let done = match self.msgs.get_mut(&part.msg) {
                    Some(m) => {
                        if let Some(slot) = m.ids.get_mut(part.index) {
                            if slot.is_none() {
                                m.remaining = m.remaining.saturating_sub(1);
                            }
                            *slot = Some(message_id);
                        }
                        m.remaining == 0
                    }
                    None => false,
                };
                if done {
                    if let Some(m) = self.msgs.remove(&part.msg) {
                        let ids = m.ids.into_iter().map(Option::unwrap_or_default).collect();
                        let _ = m.reply.send(Ok(Submitted { message_ids: ids }));
                    }
                }
            }
            StatusClass::Throttle => {
                bump(&self.shared.stats.throttled);
                if self.throttled.is_empty() {
                    warn!(status = %status::name(st), "SMSC throttling: pausing the connection");
                }
                self.paused_until = Some(Instant::now() + self.cfg().throttle_pause);
                self.throttled.push(part);
            }
            class => {
                let err = match class {
                    StatusClass::Transient => SubmitError::Transient { status: st },
                    StatusClass::InvalidDestination => SubmitError::Undeliverable { status: st },
                    _ => SubmitError::Permanent { status: st },
                };
                debug!(status = %status::name(st), "submit_sm refused");
                if let Some(m) = self.msgs.remove(&part.msg) {
                    let _ = m.reply.send(Err(err));
                }
            }
        }
    }

    pub(super) async fn unbind(&mut self, conn: &mut Conn) -> End {
        // Answer the MO messages and receipts the application is storing right now, if it is quick.
        let inbound = &mut self.inbound;
        let _ = timeout(Duration::from_secs(2), async {
            while let Some(done) = inbound.acks.next().await {
                for (seq, st) in inbound.answers(done) {
                    let _ = conn.send_pdu(&deliver_resp(seq, st));
                }
            }
        })
        .await;
        let seq = conn.next_seq();
        if conn.send_pdu(&Pdu::new(seq, Body::Unbind)).is_err()
            || !matches!(
                timeout(Duration::from_secs(5), conn.flush_all()).await,
                Ok(Ok(()))
            )
        {
            return End::Closed;
        }
        let deadline = Instant::now() + self.cfg().response_timeout.min(Duration::from_secs(5));
        loop {
            match timeout(
                deadline.saturating_duration_since(Instant::now()),
                conn.reader.next(),
            )
            .await
            {
                Ok(Some(Ok(Frame::Pdu(p)))) => match p.body {
                    Body::UnbindResp if p.sequence_number == seq => break,
                    Body::DeliverSm(sm) => {
                        // An MO message now is answered by the SMSC's redelivery after the next bind.
                        if let Some(st) = self.inbound.on_deliver(sm, p.sequence_number).await {
                            let _ = conn.send_pdu(&deliver_resp(p.sequence_number, st));
                            let _ = conn.flush();
                        }
                    }
                    Body::EnquireLink => {
                        let _ = conn.send_pdu(&resp_to(p.sequence_number, Body::EnquireLinkResp));
                        let _ = conn.flush();
                    }
                    _ => {}
                },
                Ok(Some(Ok(Frame::Invalid { .. }))) => {}
                _ => break,
            }
        }
        // Write what is left, then close.
        let _ = timeout(Duration::from_secs(1), async {
            conn.flush_all().await?;
            conn.wr.shutdown().await
        })
        .await;
        info!(bind = self.role.name(), "SMPP unbound");
        End::Closed
    }
}

pub(super) fn deliver_resp(sequence_number: u32, command_status: u32) -> Pdu {
    Pdu {
        command_status,
        sequence_number,
        body: Body::DeliverSmResp {
            message_id: String::new(),
        },
    }
}

pub(super) fn resp(req: &Pdu, body: Body) -> Pdu {
    resp_to(req.sequence_number, body)
}

pub(super) fn resp_to(sequence_number: u32, body: Body) -> Pdu {
    Pdu {
        command_status: 0,
        sequence_number,
        body,
    }
}

pub(super) fn end_reason(e: End) -> SessionError {
    match e {
        End::Lost(r) => r,
        End::Closed => SessionError::Closed,
    }
}

pub(super) async fn recv_cmd(rx: &mut Option<mpsc::Receiver<Cmd>>) -> Option<Cmd> {
    match rx {
        Some(r) => r.recv().await,
        None => std::future::pending().await,
    }
}
