//! Connecting and binding: TCP (and TLS), then bind_transceiver / bind_transmitter / bind_receiver
//! with the configured system_id, answered within the response timeout.

use super::*;

impl Session {
    pub(super) async fn connect(&mut self) -> Result<Conn, SessionError> {
        let cfg = self.cfg().clone();
        let t = cfg.response_timeout;
        let addr = format!("{}:{}", cfg.host, cfg.port);
        let stream = timeout(t, TcpStream::connect(&addr))
            .await
            .map_err(|_| SessionError::ConnectTimeout { addr: addr.clone() })?
            .map_err(|source| SessionError::Connect {
                addr: addr.clone(),
                source,
            })?;
        let _ = stream.set_nodelay(true);
        let (rd, wr): (Reader, Writer) = match &self.shared.tls {
            None => {
                let (rd, wr) = stream.into_split();
                (Box::new(super::quickack::QuickAck(rd)), Box::new(wr))
            }
            Some((connector, name)) => {
                let tls = timeout(t, connector.connect(name.clone(), stream))
                    .await
                    .map_err(|_| SessionError::TlsTimeout { addr: addr.clone() })?
                    .map_err(|source| SessionError::Tls {
                        addr: addr.clone(),
                        source,
                    })?;
                let (rd, wr) = tokio::io::split(tls);
                (Box::new(rd), Box::new(wr))
            }
        };
        let mut conn = Conn {
            reader: FramedRead::with_capacity(rd, SmppCodec, 64 * 1024),
            wr,
            buf: BytesMut::with_capacity(16 * 1024),
            unflushed: false,
            seq: 0,
            in_flight: HashMap::new(),
            enquire_deadline: None,
        };
        let bind = Bind {
            system_id: cfg.system_id.clone(),
            password: cfg.password.clone(),
            system_type: cfg.system_type.clone(),
            interface_version: INTERFACE_VERSION_34,
            addr_ton: 0,
            addr_npi: 0,
            address_range: String::new(),
        };
        let seq = conn.next_seq();
        conn.send_pdu(&Pdu::new(seq, self.role.bind(bind)))
            .map_err(end_reason)?;
        timeout(t, conn.flush_all())
            .await
            .map_err(|_| SessionError::BindWriteTimeout)?
            .map_err(SessionError::Write)?;
        let deadline = Instant::now() + t;
        loop {
            let frame = match timeout(
                deadline.saturating_duration_since(Instant::now()),
                conn.reader.next(),
            )
            .await
            {
                Err(_) => return Err(SessionError::BindTimeout),
                Ok(None) => return Err(SessionError::ClosedDuringBind),
                Ok(Some(Err(e))) => return Err(SessionError::ReadDuringBind(e.to_string())),
                Ok(Some(Ok(f))) => f,
            };
            match frame {
                Frame::Pdu(p)
                    if p.body.command_id() == self.role.bind_resp_id()
                        && p.sequence_number == seq =>
                {
                    if p.command_status != 0 {
                        return Err(SessionError::BindRefused {
                            status: p.command_status,
                        });
                    }
                    return Ok(conn);
                }
                Frame::Pdu(p) if p.body.command_id() == command_id::GENERIC_NACK => {
                    return Err(SessionError::BindNack {
                        status: p.command_status,
                    });
                }
                Frame::Pdu(p) if p.body == Body::EnquireLink => {
                    conn.send_pdu(&resp(&p, Body::EnquireLinkResp))
                        .and_then(|()| conn.flush())
                        .map_err(end_reason)?;
                }
                other => debug!(?other, "ignored PDU before bind response"),
            }
        }
    }
}
